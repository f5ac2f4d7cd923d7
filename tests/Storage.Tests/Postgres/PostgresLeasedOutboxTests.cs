using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// A turn's replies are leased to the committing instance by its commit call (issue 19, migration 16), so its dispatcher
/// delivers them without a lease round trip of its own; order, retries, erasure and the other instances' view stay as
/// they were. Time is a <see cref="FakeTimeProvider"/>, round trips are counted from Npgsql's tracing.
/// </summary>
public sealed class PostgresLeasedOutboxTests
{
    private const string Conversation = "d1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RepliesBot(params string[] replies) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            foreach (var reply in replies)
            {
                await turnContext.SendActivityAsync(reply, cancellationToken);
            }
        }
    }

    private static TestAdapter Adapter(PostgresBackend backend, FakeTimeProvider time) => TestAdapter.Create(
        backend.Storage,
        backend.TurnStore(time),
        backend.Outbox,
        time,
        sessions: new PostgresTurnSessions(backend.Database, time));

    [Fact]
    public async Task Delivering_the_reply_of_a_web_chat_turn_committed_here_takes_no_lease_round_trip()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var recent = new RecentActivities(time);
        var signals = new ConversationSignals();
        var log = new TailedDirectLineStore(new PostgresDirectLineStore(backend.Database, time), recent);
        var adapter = Adapter(backend, time);
        var inbox = new DirectLineInbox(log, signals, adapter.Runner, new RepliesBot("answer"), Options.Create(new InputOptions()), time);
        var dispatcher = new OutboxDispatcher(
            backend.Outbox, [new DirectLineSender(log, signals, time)], new OutboxSignal(), Options.Create(new OutboxOptions()), time, NullLogger<OutboxDispatcher>.Instance);
        var token = new DirectLineToken(Conversation, "u1", DateTimeOffset.MaxValue, time.GetUtcNow());
        await log.CreateConversationAsync(Conversation, "u1", "en", Ct);
        await inbox.PostAsync(token, new Activity { Type = ActivityTypes.Message, Text = "first" }, "http://localhost", Ct);
        Assert.Equal(1, await dispatcher.DrainOnceAsync(Ct));
        using var trips = new NpgsqlRoundTrips();

        var delivered = await trips.Measure(async () =>
        {
            await inbox.PostAsync(token, new Activity { Type = ActivityTypes.Message, Text = "second" }, "http://localhost", Ct);
            return await dispatcher.DrainOnceAsync(Ct);
        });

        // The turn (2), the delivery mark, and the list that finds nothing more when memory is empty; main leased the
        // reply with a list of its own first (and appended the message before the turn): 6.
        Assert.Equal(1, delivered);
        Assert.True(trips.Commands.Count == 4, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.StartsWith("DELETE FROM outbox", trips.Commands[2], StringComparison.Ordinal);
        Assert.Equal(
            ["first", "answer", "second", "answer"],
            (await backend.DirectLine(time).ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task A_reply_retried_later_keeps_the_turn_s_next_reply_behind_it_and_both_are_delivered_once()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var adapter = Adapter(backend, time);
        var bot = new RepliesBot("one", "two");
        await adapter.SendAsync(adapter.MakeMessage("warm up"), bot, Ct);
        var failures = 0;
        adapter.Sender.Behaviour = a => a.Text == "one" && failures++ == 0 ? DeliveryResult.Failed("busy", permanent: false) : DeliveryResult.Delivered;

        await adapter.ProcessActivityAsync(adapter.MakeMessage("question"), bot, Ct);
        await adapter.Dispatcher.DrainOnceAsync(Ct);
        Assert.Equal(["one", "two"], adapter.Sender.Delivered.Select(a => a.Text));

        time.Advance(TimeSpan.FromMinutes(10));
        await adapter.Dispatcher.DrainOnceAsync(Ct);

        Assert.Equal(["one", "two", "one", "two"], adapter.Sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task Replies_leased_here_are_not_taken_by_another_instance_and_an_erased_conversation_s_are_not_delivered()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var adapter = Adapter(backend, time);
        var bot = new RepliesBot("private answer");
        await adapter.SendAsync(adapter.MakeMessage("warm up"), bot, Ct);

        await adapter.ProcessActivityAsync(adapter.MakeMessage("question"), bot, Ct);
        var other = backend.Second();
        Assert.Empty(await other.Outbox.ListDueHeadsAsync(time.GetUtcNow(), Ct));
        await backend.Outbox.DeleteConversationAsync(ConversationKey(adapter), Ct);
        await adapter.Dispatcher.DrainOnceAsync(Ct);

        Assert.Equal(["private answer"], adapter.Sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task A_reply_held_here_is_due_now_for_the_dispatcher_s_wait_not_when_its_lease_runs_out()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var adapter = Adapter(backend, time);
        var bot = new RepliesBot("answer");
        await adapter.SendAsync(adapter.MakeMessage("warm up"), bot, Ct);
        Assert.Null(await backend.Outbox.NextDueAsync(Ct));

        // Committed and leased here; the dispatcher's signal was missed (a drain ended as it came): the worker asks
        // when to look again, and must not sleep until the lease (a minute) runs out.
        await adapter.ProcessActivityAsync(adapter.MakeMessage("question"), bot, Ct);
        var due = await backend.Outbox.NextDueAsync(Ct);

        Assert.True(due <= time.GetUtcNow(), $"next due {due:O}, now {time.GetUtcNow():O}");
        await adapter.Dispatcher.DrainOnceAsync(Ct);
        Assert.Equal(["answer", "answer"], adapter.Sender.Delivered.Select(a => a.Text));
        Assert.Null(await backend.Outbox.NextDueAsync(Ct));
    }

    /// <summary>Holds the delivery of <paramref name="held"/> until <paramref name="awaited"/> has been delivered (deadline 30 s).</summary>
    private sealed class OrderingSender(string held, string awaited) : IChannelSender
    {
        private readonly TaskCompletionSource _awaitedDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _delivered = new();

        public string ChannelId => TestAdapter.ChannelId;

        public IReadOnlyList<string?> Delivered => [.. _delivered];

        public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            if (activity.Text == held)
            {
                await _awaitedDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            _delivered.Enqueue(activity.Text);
            if (activity.Text == awaited)
            {
                _awaitedDelivered.TrySetResult();
            }

            return DeliveryResult.Delivered;
        }
    }

    [Fact]
    public async Task A_reply_committed_behind_replies_held_here_is_listed_as_soon_as_they_are_delivered()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var adapter = Adapter(backend, time);
        await adapter.SendAsync(adapter.MakeMessage("warm up"), new RepliesBot("hello"), Ct);
        // Conversation 1 asks twice before its first answer goes out: the second turn's reply waits in the database
        // behind the first's, held here. Conversation 2's reply is held too, and its delivery waits for that second
        // reply: memory is never empty, and the clock stands still, so only knowing what waits behind finds it.
        await adapter.ProcessActivityAsync(adapter.MakeMessage("one"), new RepliesBot("first answer"), Ct);
        await adapter.ProcessActivityAsync(adapter.MakeMessage("two"), new RepliesBot("second answer"), Ct);
        adapter.ConversationId = "conv-2";
        await adapter.ProcessActivityAsync(adapter.MakeMessage("three"), new RepliesBot("other answer"), Ct);
        var sender = new OrderingSender(held: "other answer", awaited: "second answer");
        var dispatcher = new OutboxDispatcher(
            backend.Outbox, [sender], new OutboxSignal(), Options.Create(new OutboxOptions()), time, NullLogger<OutboxDispatcher>.Instance);

        Assert.Equal(3, await dispatcher.DrainOnceAsync(Ct));

        Assert.Equal(["first answer", "second answer", "other answer"], sender.Delivered);
    }

    private static string ConversationKey(TestAdapter adapter) =>
        IntegrationBot.Dialogs.State.ConversationState.KeyFor(TestAdapter.ChannelId, adapter.ConversationId);
}
