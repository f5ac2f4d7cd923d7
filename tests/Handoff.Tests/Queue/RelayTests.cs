using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class RelayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_flow_both_ways_and_close_asks_for_satisfaction()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("conv", "sl");
        Assert.True((await world.Queue.RelayUserMessageAsync(ticket.RequestId, "Ali me kdo sliši?", Ct)).Succeeded);
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);

        await world.Queue.RelayUserMessageAsync(ticket.RequestId, "Potrebujem pomoč z vizo.", Ct);
        await world.Queue.SendCounselorMessageAsync(ticket.RequestId, "Maja", "Pozdravljeni, tukaj Maja.", Ct);
        await world.Queue.AddNoteAsync(ticket.RequestId, "Maja", "internal: check permit type", Ct);
        var closed = await world.Queue.CloseAsync(ticket.RequestId, "Maja", "resolved", Ct);

        Assert.Equal(
            ["conv claimed by Maja", "conv message from Maja: Pozdravljeni, tukaj Maja.", "conv closed: resolved"],
            world.Messenger.Sent);
        var authors = closed.Request!.Transcript.Where(e => e.Author != TranscriptAuthor.System).Select(e => (e.Author, e.Text));
        Assert.Equal(
            [(TranscriptAuthor.User, "Ali me kdo sliši?"), (TranscriptAuthor.User, "Potrebujem pomoč z vizo."), (TranscriptAuthor.Counselor, "Pozdravljeni, tukaj Maja.")],
            authors);
        Assert.DoesNotContain(closed.Request.Transcript, e => e.Text.Contains("internal", StringComparison.Ordinal));
        Assert.Equal("internal: check permit type", Assert.Single(closed.Request.Notes).Text);
        Assert.Null(await world.Queue.FindOpenAsync("webchat", "conv", Ct));
    }

    [Fact]
    public async Task Only_the_holder_may_write_to_the_user()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("conv");
        Assert.Equal(HandoffResultKind.InvalidState, (await world.Queue.SendCounselorMessageAsync(ticket.RequestId, "Maja", "hi", Ct)).Kind);
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);

        Assert.Equal(HandoffResultKind.NotHolder, (await world.Queue.SendCounselorMessageAsync(ticket.RequestId, "Amira", "hi", Ct)).Kind);
        Assert.Equal(HandoffResultKind.NotHolder, (await world.Queue.CloseAsync(ticket.RequestId, "Amira", "x", Ct)).Kind);
        Assert.Equal(HandoffResultKind.NotHolder, (await world.Queue.AddNoteAsync(ticket.RequestId, "Amira", "x", Ct)).Kind);
        await world.Queue.CloseAsync(ticket.RequestId, "Maja", "resolved", Ct);
        Assert.True((await world.Queue.AddNoteAsync(ticket.RequestId, "Maja", "follow-up by phone", Ct)).Succeeded);
        Assert.DoesNotContain(world.Messenger.Sent, s => s.Contains("message from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task User_message_after_close_is_not_relayed()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("conv");
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);
        await world.Queue.CloseAsync(ticket.RequestId, "Maja", "resolved", Ct);

        Assert.Equal(HandoffResultKind.InvalidState, (await world.Queue.RelayUserMessageAsync(ticket.RequestId, "hello?", Ct)).Kind);
    }

    [Theory]
    [InlineData(0, HandoffResultKind.InvalidInput)]
    [InlineData(6, HandoffResultKind.InvalidInput)]
    [InlineData(4, HandoffResultKind.Ok)]
    public async Task Satisfaction_is_a_score_from_one_to_five_recorded_once_after_close(int score, HandoffResultKind expected)
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("conv");
        Assert.Equal(HandoffResultKind.InvalidState, (await world.Queue.RecordSatisfactionAsync(ticket.RequestId, 5, Ct)).Kind);
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);
        await world.Queue.CloseAsync(ticket.RequestId, "Maja", "resolved", Ct);

        Assert.Equal(expected, (await world.Queue.RecordSatisfactionAsync(ticket.RequestId, score, Ct)).Kind);
        if (expected == HandoffResultKind.Ok)
        {
            Assert.Equal(HandoffResultKind.InvalidState, (await world.Queue.RecordSatisfactionAsync(ticket.RequestId, 1, Ct)).Kind);
            Assert.Equal(score, (await world.Queue.GetAsync(ticket.RequestId, Ct))!.Satisfaction);
            Assert.Equal(score, (await world.Dashboard.SnapshotAsync(Ct)).Satisfaction.Average);
        }
    }

    [Fact]
    public async Task Every_change_is_published_to_console_streams_without_text()
    {
        using var world = new HandoffWorld();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var changes = world.Events.Subscribe(cts.Token);
        var ticket = await world.EnqueueAsync("conv");
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);

        Assert.Equal("queued", (await changes.ReadAsync(Ct)).Kind);
        var claimed = await changes.ReadAsync(Ct);
        Assert.Equal(("claimed", HandoffStatus.Active, "Maja"), (claimed.Kind, claimed.Status, claimed.Counselor));
        cts.Cancel();
        Assert.Equal(0, world.Events.SubscriberCount);
    }
}
