using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Handoff.Tests.Privacy;

public sealed class PrivacyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeedUserAsync(HandoffWorld world, string user, string secret)
    {
        await world.Transcripts.AppendAsync(new TranscriptMessage("telegram", "chat-" + user, user, world.Clock.GetUtcNow(), TranscriptAuthor.User, secret), Ct);
        await world.Unanswered.RecordAsync(new UnansweredQuestion("telegram", user, "en", null, secret, UnansweredKind.NoMatch, world.Clock.GetUtcNow()), Ct);
        var ticket = await world.EnqueueAsync("chat-" + user, channel: "telegram", user: user);
        await world.Queue.RelayUserMessageAsync(ticket.RequestId, secret, Ct);
    }

    [Fact]
    public async Task Erase_removes_every_trace_of_one_person_and_keeps_others()
    {
        using var world = new HandoffWorld();
        await SeedUserAsync(world, "u1", "my residence permit number 123");
        await SeedUserAsync(world, "u2", "other person");

        var removed = await world.UserData.DeleteAsync("telegram", "u1", Ct);
        world.Reopen();

        Assert.Equal(new Dictionary<string, int> { ["handoffs"] = 1, ["transcripts"] = 1, ["unansweredQuestions"] = 1 }, removed);
        var export = (await world.UserData.ExportAsync("telegram", "u1", Ct)).ToJsonString();
        Assert.DoesNotContain("123", export, StringComparison.Ordinal);
        Assert.Null(await world.Queue.FindOpenAsync("telegram", "chat-u1", Ct));
        Assert.Empty(await world.Transcripts.RecentAsync("telegram", "chat-u1", 10, Ct));
        Assert.DoesNotContain(await world.Unanswered.RecentAsync(100, Ct), q => q.UserId == "u1");
        Assert.NotNull(await world.Queue.FindOpenAsync("telegram", "chat-u2", Ct));
    }

    [Fact]
    public async Task Export_returns_everything_about_one_person_as_json()
    {
        using var world = new HandoffWorld();
        await SeedUserAsync(world, "u1", "my question");
        await SeedUserAsync(world, "u2", "not mine");

        var export = await world.UserData.ExportAsync("telegram", "u1", Ct);

        Assert.Equal("u1", export["userId"]!.GetValue<string>());
        Assert.Single(export["handoffs"]!.AsArray());
        Assert.Equal("my question", export["transcripts"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("my question", export["unansweredQuestions"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("not mine", export.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_deletes_old_texts_and_keeps_text_free_statistics()
    {
        using var world = new HandoffWorld(options: new HandoffOptions { RetentionDays = 90 });
        await SeedUserAsync(world, "old", "old secret");
        var old = await world.Queue.FindOpenAsync("telegram", "chat-old", Ct);
        await world.Queue.ClaimAsync(old!.Id, "Maja", Ct);
        await world.Queue.CloseAsync(old.Id, "Maja", "resolved", Ct);
        await world.Queue.RecordSatisfactionAsync(old.Id, 5, Ct);
        world.Clock.Advance(TimeSpan.FromDays(91));
        await SeedUserAsync(world, "new", "new text");

        var removed = await world.Retention.PurgeAsync(Ct);

        Assert.Equal(3, removed);
        Assert.Null(await world.Queue.GetAsync(old.Id, Ct));
        Assert.Empty(await world.Transcripts.RecentAsync("telegram", "chat-old", 10, Ct));
        Assert.Single(await world.Unanswered.RecentAsync(10, Ct));
        Assert.NotNull(await world.Queue.FindOpenAsync("telegram", "chat-new", Ct));
        var stats = Assert.Single(await world.Store.DailyCountsAsync(DateOnly.MinValue, Ct));
        Assert.Equal((1, 5, 1), (stats.Count, stats.SatisfactionSum, stats.SatisfactionCount));
    }

    [Fact]
    public async Task The_first_retention_pass_is_announced_once_it_has_run_so_the_host_can_trim_its_memory()
    {
        using var world = new HandoffWorld();
        Assert.False(world.Retention.FirstPass.IsCompleted);

        await world.Retention.PurgeAsync(Ct);

        Assert.True(world.Retention.FirstPass.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Retention_keeps_requests_that_are_still_open()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("forgotten");
        world.Clock.Advance(TimeSpan.FromDays(200));

        await world.Retention.PurgeAsync(Ct);

        Assert.NotNull(await world.Queue.GetAsync(ticket.RequestId, Ct));
    }
}
