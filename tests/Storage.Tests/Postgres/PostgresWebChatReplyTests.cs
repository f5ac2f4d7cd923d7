using System.Text.Json;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// A web chat reply's log line is written by its turn's commit call on PostgreSQL (issue 19), and its delivery only
/// announces it: a web chat turn with a reply and its delivery takes the turn's two round trips and nothing more, a
/// delivery after a crash finds the committed line instead of writing it twice, an erasure between commit and delivery
/// leaves nothing, and another instance's stream gets the reply from the commit's notification. Round trips are counted
/// from Npgsql's tracing; waits are on signals with deadlines.
/// </summary>
public sealed class PostgresWebChatReplyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One host's web chat side on a backend: turns, the log with memory in front, the sender, streams.</summary>
    private sealed class Instance
    {
        public Instance(PostgresBackend backend)
        {
            Backend = backend;
            Recent = new RecentActivities(TimeProvider.System);
            Signals = new ConversationSignals();
            Log = new TailedDirectLineStore(new PostgresDirectLineStore(backend.Database, TimeProvider.System), Recent);
            Stream = new DirectLineStream(Log, Recent, Signals);
            Sender = new DirectLineSender(Log, Signals, TimeProvider.System);
            Sessions = new PostgresTurnSessions(backend.Database, TimeProvider.System);
        }

        public PostgresBackend Backend { get; }

        public RecentActivities Recent { get; }

        public ConversationSignals Signals { get; }

        public IDirectLineStore Log { get; }

        public DirectLineStream Stream { get; }

        public DirectLineSender Sender { get; }

        public PostgresTurnSessions Sessions { get; }

        /// <summary>A web chat turn answering <paramref name="inbound"/> with <paramref name="replies"/>, as the runner commits it.</summary>
        public async Task<CommitOutcome> TurnAsync(string conversationId, string inbound, params Activity[] replies)
        {
            var key = "webchat/" + conversationId;
            await using var session = await Sessions.BeginAsync(key, inbound, [key], Ct);
            var state = new Dictionary<string, StoredItem> { [key] = new("{\"turns\":1}", "*") };
            return await session.CommitAsync(new TurnCommit(key, inbound, state, replies), Ct);
        }
    }

    /// <summary>Opens the conversation on <paramref name="host"/> and commits a turn answering with one reply, not delivered yet.</summary>
    private static async Task<Activity> CommittedReplyAsync(Instance host, string text)
    {
        await host.Log.CreateConversationAsync("d1", "u1", "en", Ct);
        var reply = Reply("d1", text);
        Assert.Equal(CommitOutcome.Committed, await host.TurnAsync("d1", "webchat/d1/in-1", reply));
        return reply;
    }

    private static Activity Reply(string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = DirectLineReply.ChannelId,
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("integrationbot", "IntegrationBot", RoleTypes.Bot),
        Text = text,
    };

    private static Activity UserMessage(string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = DirectLineReply.ChannelId,
        From = new ChannelAccount("u1", null, RoleTypes.User),
        Text = text,
    };

    private static List<string?> Texts(ActivitySetJson set) =>
        [.. JsonDocument.Parse(set.Json).RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : null)];

    private static async Task<List<string?>> LogAsync(PostgresBackend backend, string conversationId) =>
        [.. (await backend.DirectLine(TimeProvider.System).ReadAsync(conversationId, null, Ct)).Activities.Select(a => a.Text)];

    [Fact]
    public async Task A_web_chat_turn_with_a_reply_and_its_delivery_takes_two_round_trips()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var host = new Instance(backend);
        await host.Log.CreateConversationAsync("d1", "u1", "en", Ct);
        await host.Log.AppendAsync("d1", UserMessage("hello"), "in:1", Ct);
        var reply = Reply("d1", "answer");
        using var trips = new NpgsqlRoundTrips();

        var (outcome, delivered) = await trips.Measure(async () =>
        {
            var outcome = await host.TurnAsync("d1", "webchat/d1/in-1", reply);
            return (outcome, await host.Sender.SendAsync(reply, Ct));
        });

        Assert.Equal(CommitOutcome.Committed, outcome);
        Assert.Equal(DeliveryOutcome.Delivered, delivered.Outcome);
        Assert.True(trips.Commands.Count == 2, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Equal(["hello", "answer"], await LogAsync(backend, "d1"));
        // The page's stream gets the reply from memory, after the person's message, once.
        using var read = new NpgsqlRoundTrips();
        var set = await read.Measure(() => host.Stream.ReadSetAsync("d1", 1, Ct));
        Assert.Equal(["answer"], Texts(set));
        Assert.Equal((2L, 0), (set.Watermark, read.Commands.Count));
    }

    [Fact]
    public async Task A_reply_committed_before_a_crash_is_delivered_after_the_restart_and_is_in_the_log_once()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var before = new Instance(backend);
        var reply = await CommittedReplyAsync(before, "answer");

        // The process died before delivering: a new one on the same schema (its memory empty) delivers the outbox entry.
        var after = new Instance(backend.Second());
        var delivered = await after.Sender.SendAsync(reply, Ct);
        var again = await after.Sender.SendAsync(reply, Ct);

        Assert.Equal(DeliveryOutcome.Delivered, delivered.Outcome);
        Assert.Equal(DeliveryOutcome.Delivered, again.Outcome);
        Assert.Equal(["answer"], await LogAsync(backend, "d1"));
        Assert.Equal(["answer"], Texts(await after.Stream.ReadSetAsync("d1", null, Ct)));
    }

    [Fact]
    public async Task An_erasure_between_the_commit_and_the_delivery_leaves_no_line()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var host = new Instance(backend);
        var reply = await CommittedReplyAsync(host, "private answer");

        await host.Log.DeleteConversationAsync("d1", Ct);
        var delivered = await host.Sender.SendAsync(reply, Ct);

        Assert.Equal(DeliveryOutcome.Failed, delivered.Outcome);
        Assert.Empty(await LogAsync(backend, "d1"));
        Assert.Empty(Texts(await host.Stream.ReadSetAsync("d1", null, Ct)));
    }

    [Fact]
    public async Task A_turn_for_an_erased_conversation_writes_no_line()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var host = new Instance(backend);
        var reply = Reply("gone", "answer");

        Assert.Equal(CommitOutcome.Committed, await host.TurnAsync("gone", "webchat/gone/in-1", reply));

        Assert.Equal(DeliveryOutcome.Failed, (await host.Sender.SendAsync(reply, Ct)).Outcome);
        Assert.Empty(await LogAsync(backend, "gone"));
    }

    [Fact]
    public async Task Another_instance_s_stream_gets_the_committed_replies_in_order_once_without_reading_the_log()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var a = new Instance(backend);
        var b = new Instance(backend.Second());
        var listener = new PostgresNotificationListener(
            b.Backend.Database, [new DirectLineNotificationHandler(b.Backend.Database, b.Signals, b.Recent)], TimeProvider.System, NullLogger<PostgresNotificationListener>.Instance);
        await listener.StartAsync(Ct);
        try
        {
            await listener.Listening.WaitAsync(Deadline, Ct);
            await a.Log.CreateConversationAsync("d1", "u1", "en", Ct);
            var woken = b.Signals.NextAppendAsync("d1");
            await a.Log.AppendAsync("d1", UserMessage("hello"), "in:1", Ct);
            await woken.WaitAsync(Deadline, Ct);
            var first = await b.Stream.ReadSetAsync("d1", null, Ct);
            var (one, two) = (Reply("d1", "answer"), Reply("d1", "anything else?"));

            await a.TurnAsync("d1", "webchat/d1/in-1", one, two);
            await WaitUntilAsync(() => b.Recent.TryRead("d1", first.Watermark, out var next, out _) is not null && next == 3);
            using var trips = new NpgsqlRoundTrips();
            var set = await trips.Measure(() => b.Stream.ReadSetAsync("d1", first.Watermark, Ct));
            await a.Sender.SendAsync(one, Ct);
            await a.Sender.SendAsync(two, Ct);

            Assert.Equal(["hello"], Texts(first));
            Assert.Equal(["answer", "anything else?"], Texts(set));
            Assert.Equal((3L, 0), (set.Watermark, trips.Commands.Count));
            Assert.Equal(["hello", "answer", "anything else?"], await LogAsync(backend, "d1"));
            Assert.Equal(["answer", "anything else?"], Texts(await a.Stream.ReadSetAsync("d1", first.Watermark, Ct)));
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }

    [Fact]
    public async Task An_instance_not_yet_upgraded_commits_with_the_old_overload_and_its_delivery_appends_the_line_once()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var host = new Instance(backend);
        await host.Log.CreateConversationAsync("d1", "u1", "en", Ct);
        var reply = Reply("d1", "answer");

        // The commit call of migration 13, as an instance from before migration 15 sends it: no log line in it.
        await using (var connection = new NpgsqlConnection(backend.ConnectionString + ";Search Path=" + backend.Database.Schema))
        {
            await connection.OpenAsync(Ct);
            await using var call = new NpgsqlCommand(
                "SELECT ib_turn_commit(@c, NULL, 0, @t, @t, @t, @t, @channels, @activities, @t, @t, @l, @t, @t, @d, @t, @t, @i)", connection);
            call.Parameters.AddWithValue("c", "webchat/d1");
            call.Parameters.AddWithValue("t", Array.Empty<string>());
            call.Parameters.AddWithValue("channels", new[] { DirectLineReply.ChannelId });
            call.Parameters.AddWithValue("activities", new[] { ActivityJson.Serialize(reply) });
            call.Parameters.AddWithValue("l", Array.Empty<long>());
            call.Parameters.AddWithValue("d", Array.Empty<DateOnly>());
            call.Parameters.AddWithValue("i", Array.Empty<int>());
            Assert.Equal("committed", await call.ExecuteScalarAsync(Ct));
        }

        Assert.Empty(await LogAsync(backend, "d1"));
        Assert.Equal(DeliveryOutcome.Delivered, (await host.Sender.SendAsync(reply, Ct)).Outcome);
        Assert.Equal(DeliveryOutcome.Delivered, (await host.Sender.SendAsync(reply, Ct)).Outcome);
        Assert.Equal(["answer"], await LogAsync(backend, "d1"));
    }

    /// <summary>Waits for a condition set by the other instance's listener (deadline 15 s), checking every 20 ms.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance never got the committed replies");
            await Task.Delay(20, Ct);
        }
    }
}
