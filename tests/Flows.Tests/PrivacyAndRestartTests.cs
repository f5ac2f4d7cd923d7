using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Flows.Tests;

public sealed class PrivacyAndRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_after_confirmation_leaves_nothing_of_the_person_in_any_store()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("what is the airspeed velocity of an unladen swallow");
        await bot.SendAsync("how do I open a bank account");
        await bot.SendAsync(bot.Title(Language.English, "answer.helpfulNo"));
        await bot.SendAsync("the fees");
        await bot.SendAsync("/counselor");
        Assert.NotEmpty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
        Assert.Equal(2, (await bot.Unanswered.RecentAsync(10, Ct)).Count);

        // A reply that was never delivered (the channel was down) is also the person's data.
        bot.Adapter.Sender.Behaviour = _ => DeliveryResult.Failed("channel down", permanent: true);
        await bot.SendAsync("/help");
        bot.Adapter.Sender.Behaviour = _ => DeliveryResult.Delivered;

        var confirm = await bot.SendAsync("/delete");
        Assert.Equal(bot.Text(Language.English, "delete.confirm"), Assert.Single(confirm).Text);
        var done = await bot.SendAsync(bot.Title(Language.English, "delete.yes"));
        Assert.Equal([bot.Text(Language.English, "delete.done")], done.Select(d => d.Text));

        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
        Assert.Empty(await bot.Unanswered.RecentAsync(10, Ct));
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));
        Assert.Empty(await bot.Adapter.OutboxStore.ListDeadLettersAsync(Ct));
        // The erasure's checkpoint (scheduled a second later in the host) also commits the last reply's delivery mark,
        // which rides in the next LiteDB transaction.
        bot.Database.Checkpoint();
        var outbox = bot.Database.Database.GetCollection("outbox");
        Assert.Equal(0, outbox.Count(Query.EQ("conversation", "test/conversations/" + bot.Adapter.ConversationId)));
        var state = await bot.Storage.ReadAsync(["test/conversations/conv-1", "test/users/user-1"], Ct);
        Assert.All(state.Values, item => Assert.Equal("{}", item.Json));

        var again = await bot.SendAsync("hello");
        Assert.DoesNotContain(again, r => r.Text == bot.Text(Language.English, "delete.done"));
    }

    [Fact]
    public async Task Accept_that_arrives_after_a_question_still_accepts_the_privacy_notice()
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();
        await bot.SendAsync(bot.Title(Language.Arabic, "language.name"));

        // The question overtook the Accept on the way: its answer's buttons replaced the notice's.
        await bot.SendAsync("كيف افتح حساب بنكي");
        var accepted = await bot.SendAsync(bot.Title(Language.Arabic, "privacy.accept"));

        Assert.Equal(bot.Text(Language.Arabic, "privacy.accepted"), accepted[0].Text);
    }

    [Fact]
    public async Task Delete_needs_confirmation_and_no_keeps_everything()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("si te hap nje llogari bankare");

        await bot.SendAsync("fshi");
        var kept = await bot.SendAsync(bot.Title(Language.Albanian, "delete.no"));

        Assert.Equal(bot.Text(Language.Albanian, "delete.cancelled"), kept[0].Text);
        Assert.NotEmpty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Fact]
    public async Task Declining_privacy_still_answers_but_keeps_no_transcript()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);
        var declined = await bot.SendAsync(bot.Title(Language.English, "privacy.decline"));
        Assert.Equal(bot.Text(Language.English, "privacy.declined"), declined[0].Text);

        var answer = await bot.SendAsync("how do I open a bank account");

        Assert.Equal(bot.AnswerOf("bank-account", new Voice("en")), FlowHarness.AnswerText(answer));
        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_flow_continues_where_it_was()
    {
        using var directory = new TempDataDirectory();
        await using (var before = FlowHarness.Create(directory))
        {
            await before.OpenAsync();
            await before.SendAsync("Shqip");
        }

        await using (var after = FlowHarness.Create(directory))
        {
            var accepted = await after.SendAsync(after.Title(Language.Albanian, "privacy.accept"));
            Assert.Equal(after.Text(Language.Albanian, "privacy.accepted"), accepted[0].Text);
            await after.SendAsync("si te hap nje llogari bankare");
            var asked = await after.SendAsync(after.Title(Language.Albanian, "answer.helpfulNo"));
            Assert.Equal(after.Text(Language.Albanian, "feedback.askMissing"), asked[0].Text);
        }

        await using (var again = FlowHarness.Create(directory))
        {
            var recorded = await again.SendAsync("tarifat");
            Assert.Equal(again.Text(Language.Albanian, "feedback.recorded"), recorded[0].Text);
        }
    }

    [Fact]
    public async Task A_handoff_survives_a_restart_and_the_counselor_reply_still_arrives()
    {
        using var directory = new TempDataDirectory();
        await using (var before = FlowHarness.Create(directory))
        {
            await before.StartInAsync(Language.Arabic);
            await before.SendAsync("/counselor");
        }

        await using var after = FlowHarness.Create(directory);
        var request = Assert.Single(await after.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(after.Text(Language.Arabic, "handoff.stillQueued", new Dictionary<string, string> { ["position"] = "1" }), Assert.Single(await after.SendAsync("مرحبا هل من أحد؟")).Text);
        await after.Queue.ClaimAsync(request.Id, "Amira", Ct);
        var claimed = Assert.Single(await after.DeliverAsync());
        Assert.Equal(after.Text(Language.Arabic, "handoff.claimed", new Dictionary<string, string> { ["counselor"] = "Amira" }), claimed.Text);
        Assert.Contains("\u2066Amira\u2069", claimed.Text);
    }
}
