using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Handoff;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>LISTEN/NOTIFY: queue changes and web chat appends made on one instance reach the live streams of the others.</summary>
public sealed class PostgresHandoffNotifyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_queued_and_claimed_on_one_instance_is_published_on_the_other()
    {
        await using var first = await PostgresBackend.OpenAsync();
        var second = first.Second();
        var firstEvents = new HandoffEvents();
        var secondEvents = new HandoffEvents();
        using var firstListener = Listener(first.Database, new HandoffNotificationHandler(first.Database, firstEvents));
        using var secondListener = Listener(second.Database, new HandoffNotificationHandler(second.Database, secondEvents));
        await firstListener.StartAsync(Ct);
        await secondListener.StartAsync(Ct);
        await Task.WhenAll(firstListener.Listening, secondListener.Listening).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var onSecond = secondEvents.Subscribe(stop.Token);
        var onFirst = firstEvents.Subscribe(stop.Token);

        var request = new HandoffRequest
        {
            Id = Guid.NewGuid(),
            Address = new ConversationAddress("telegram", "conv-1", "user-1", "{}"),
            Language = "ar",
            Reason = HandoffReason.AskedForHuman,
            Priority = HandoffPriority.Normal,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await first.Handoffs.InsertAsync(request, Ct);
        await first.Handoffs.TryUpdateAsync(request with { Status = HandoffStatus.Active, AssignedCounselor = "amira" }, Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var queued = await onSecond.ReadAsync(timeout.Token);
        var claimed = await onSecond.ReadAsync(timeout.Token);
        Assert.Equal(new HandoffChange(request.Id, HandoffStatus.Waiting, "queued", null), queued);
        Assert.Equal(new HandoffChange(request.Id, HandoffStatus.Active, "claimed", "amira"), claimed);

        // The instance that made the change published it itself (HandoffQueue does); its listener must not repeat it.
        await second.Handoffs.TryUpdateAsync(request with { Version = 1, Status = HandoffStatus.Closed }, Ct);
        var fromSecond = await onFirst.ReadAsync(timeout.Token);
        Assert.Equal("closed", fromSecond.Kind);
        Assert.False(onFirst.TryRead(out _));
        Assert.False(onSecond.TryRead(out _));

        await stop.CancelAsync();
        await firstListener.StopAsync(CancellationToken.None);
        await secondListener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_web_chat_append_on_one_instance_wakes_the_streams_of_that_conversation_on_the_other()
    {
        await using var first = await PostgresBackend.OpenAsync();
        var second = first.Second();
        var signals = new ConversationSignals();
        using var listener = Listener(second.Database, new DirectLineNotificationHandler(second.Database, signals));
        await listener.StartAsync(Ct);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var otherConversation = signals.NextAppendAsync("d2");
        var woken = signals.NextAppendAsync("d1");

        var log = first.DirectLine(TimeProvider.System);
        await log.CreateConversationAsync("d1", "u1", "en", Ct);
        await log.AppendAsync("d1", new Activity { Text = "reply" }, null, Ct);

        await woken.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(otherConversation.IsCompleted);
        await listener.StopAsync(CancellationToken.None);
    }

    private static PostgresNotificationListener Listener(PostgresDatabase database, IPostgresNotificationHandler handler) =>
        new(database, [handler], TimeProvider.System, NullLogger<PostgresNotificationListener>.Instance);
}
