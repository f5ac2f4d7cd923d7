using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class QueueOrderingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Emergency_goes_before_sensitive_before_normal_and_older_before_newer()
    {
        using var world = new HandoffWorld();
        await world.EnqueueAsync("normal-old");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.EnqueueAsync("sensitive", reason: HandoffReason.Sensitive);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.EnqueueAsync("normal-new", reason: HandoffReason.LowConfidence);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var emergency = await world.EnqueueAsync("emergency", reason: HandoffReason.Emergency);

        var order = Routing.QueueRouter.ByPriorityThenAge(await world.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        Assert.Equal(["emergency", "sensitive", "normal-old", "normal-new"], order.Select(r => r.Address.ConversationId));
        Assert.Equal(1, emergency.Position);
    }

    [Fact]
    public async Task Ticket_gives_position_and_estimated_wait_while_office_is_open()
    {
        using var world = new HandoffWorld();
        await world.EnqueueAsync("a");
        var second = await world.EnqueueAsync("b");

        Assert.Equal(2, second.Position);
        Assert.Equal(world.Options.EstimatedTimePerRequest * 2, second.EstimatedWait);
        Assert.True(second.OfficeOpen);
        Assert.Null(second.NextOpening);
    }

    [Fact]
    public async Task Asking_again_in_the_same_conversation_reuses_the_open_request_and_raises_its_priority()
    {
        using var world = new HandoffWorld();
        var first = await world.EnqueueAsync("c1");
        var again = await world.EnqueueAsync("c1", reason: HandoffReason.Emergency);

        Assert.Equal(first.RequestId, again.RequestId);
        Assert.True(again.Reused);
        var all = await world.Queue.ListAsync(null, Ct);
        Assert.Single(all);
        Assert.Equal(HandoffPriority.Emergency, all[0].Priority);
    }

    [Fact]
    public async Task New_request_carries_the_recent_transcript_of_the_conversation()
    {
        using var world = new HandoffWorld();
        for (var i = 0; i < 25; i++)
        {
            await world.Transcripts.AppendAsync(new Transcripts.TranscriptMessage("webchat", "t1", "u1", world.Clock.GetUtcNow(), i % 2 == 0 ? TranscriptAuthor.User : TranscriptAuthor.Bot, $"m{i}"), Ct);
        }

        var ticket = await world.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "t1", "u1", "{}"), "sl", null, HandoffReason.AskedForHuman), Ct);

        var request = await world.Queue.GetAsync(ticket.RequestId, Ct);
        Assert.Equal(Enumerable.Range(5, 20).Select(i => $"m{i}"), request!.Transcript.Select(e => e.Text));
    }

    [Fact]
    public async Task Unknown_language_is_refused()
    {
        using var world = new HandoffWorld();
        await Assert.ThrowsAsync<ArgumentException>(() => world.EnqueueAsync("x", language: "de"));
    }
}
