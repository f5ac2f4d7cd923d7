using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Locking;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// A turn on PostgreSQL costs two round trips (issue 19: at most three): lock + inbound check + state read, then the
/// commit. Counted from Npgsql's tracing, never timed.
/// </summary>
public sealed class PostgresTurnSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Reads conversation and user state, writes both, replies twice: the shape of a Q&amp;A turn.</summary>
    private sealed class CountingBot(TestAdapter adapter, Func<int, Task>? beforeCommit = null) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = adapter.ConversationState.CreateProperty<int>("count");
        private readonly IStatePropertyAccessor<int> _seen = adapter.UserState.CreateProperty<int>("seen");

        public int Runs { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Runs++;
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await _seen.SetAsync(turnContext, await _seen.GetAsync(turnContext, () => 0, cancellationToken) + 1, cancellationToken);
            await turnContext.SendActivityAsync($"count {count}", cancellationToken);
            await turnContext.SendActivityAsync("anything else?", cancellationToken);
            if (beforeCommit is not null)
            {
                await beforeCommit(Runs);
            }
        }
    }

    /// <summary>A test adapter whose turns run as PostgreSQL turn sessions (also used by <see cref="PostgresJoinedWritesTests"/>).</summary>
    internal static TestAdapter Adapter(PostgresBackend backend) =>
        TestAdapter.Create(
            backend.Storage,
            backend.TurnStore(TimeProvider.System),
            backend.Outbox,
            TimeProvider.System,
            sessions: new PostgresTurnSessions(backend.Database, TimeProvider.System));

    [Fact]
    public async Task A_turn_that_reads_and_writes_state_and_replies_takes_two_round_trips()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var adapter = Adapter(backend);
        var bot = new CountingBot(adapter);
        await adapter.SendAsync(adapter.MakeMessage("first"), bot, Ct);
        using var trips = new NpgsqlRoundTrips();

        var result = await trips.Measure(() => adapter.ProcessActivityAsync(adapter.MakeMessage("second"), bot, Ct));

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.True(trips.Commands.Count == 2, "round trips: " + string.Join(" | ", trips.Commands));
        await adapter.Dispatcher.DrainOnceAsync(Ct);
        Assert.Equal(["count 1", "anything else?", "count 2", "anything else?"], adapter.Sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task A_repeated_inbound_id_is_acknowledged_without_running_the_bot()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var adapter = Adapter(backend);
        var bot = new CountingBot(adapter);
        var message = adapter.MakeMessage("hi");
        await adapter.SendAsync(message, bot, Ct);

        var repeat = await adapter.SendAsync(message, bot, Ct);

        Assert.Equal(TurnStatus.Duplicate, repeat.Status);
        Assert.Equal(1, bot.Runs);
        Assert.Equal(2, adapter.Sender.Delivered.Count);
    }

    [Fact]
    public async Task A_state_change_by_another_writer_during_the_turn_reruns_it_on_fresh_state_and_commits_nothing_twice()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var adapter = Adapter(backend);
        var bot = new CountingBot(adapter, run => run == 2 ? BumpCountBehindTheTurnAsync(backend, adapter) : Task.CompletedTask);
        await adapter.SendAsync(adapter.MakeMessage("first"), bot, Ct);

        var result = await adapter.SendAsync(adapter.MakeMessage("second"), bot, Ct);

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.Equal(3, bot.Runs);
        Assert.Equal(["count 1", "anything else?", "count 11", "anything else?"], adapter.Sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task A_second_instance_waits_for_the_conversation_until_the_first_commits_and_then_sees_its_writes()
    {
        await using var first = await PostgresBackend.OpenAsync();
        var second = first.Second();
        var adapterA = Adapter(first);
        var adapterB = Adapter(second);
        var inTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var botA = new CountingBot(adapterA, async _ =>
        {
            inTurn.TrySetResult();
            await release.Task;
        });
        var botB = new CountingBot(adapterB);

        var turnA = adapterA.ProcessActivityAsync(adapterA.MakeMessage("a"), botA, Ct);
        await inTurn.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var turnB = adapterB.ProcessActivityAsync(adapterB.MakeMessage("b"), botB, Ct);
        var lockKey = PostgresConversationLock.LockKey(first.Database.Schema, adapterA.ConversationState.GetStorageKey(adapterA.MakeMessage(null)));
        await WaitUntilWaitingAsync(first.ConnectionString, lockKey);
        Assert.False(turnB.IsCompleted);
        Assert.Equal(0, botB.Runs);

        release.SetResult();
        await turnA.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await turnB.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await adapterB.Dispatcher.DrainOnceAsync(Ct);
        Assert.Equal(["count 1", "anything else?", "count 2", "anything else?"], adapterB.Sender.Delivered.Select(a => a.Text));
        Assert.Equal(1, botB.Runs);
    }

    [Fact]
    public async Task A_turn_that_throws_releases_the_conversation_and_writes_nothing()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var adapter = Adapter(backend);
        var failing = new CountingBot(adapter, _ => throw new InvalidOperationException("bot failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(adapter.MakeMessage("x"), failing, Ct));
        var result = await adapter.SendAsync(adapter.MakeMessage("y"), new CountingBot(adapter), Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.Equal(["count 1", "anything else?"], adapter.Sender.Delivered.Select(a => a.Text));
    }

    /// <summary>
    /// Another writer (a second instance outside the lock, e.g. an operator tool) sets the conversation's count to 10
    /// mid-turn: the turn's commit loses the eTag race and the turn reruns.
    /// </summary>
    internal static async Task BumpCountBehindTheTurnAsync(PostgresBackend backend, TestAdapter adapter)
    {
        var key = adapter.ConversationState.GetStorageKey(adapter.MakeMessage(null));
        var current = (await backend.Storage.ReadAsync([key], Ct))[key];
        await backend.Storage.WriteAsync(new Dictionary<string, StoredItem> { [key] = new("{\"count\":10}", current.ETag) }, Ct);
    }

    /// <summary>Waits (deadline 30 s) until a session waits for the advisory lock <paramref name="key"/>.</summary>
    private static async Task WaitUntilWaitingAsync(string connectionString, long key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1 AND classid = @hi AND objid = @lo",
            connection);
        command.Parameters.AddWithValue("hi", (long)(uint)(key >> 32));
        command.Parameters.AddWithValue("lo", (long)(uint)key);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await command.ExecuteScalarAsync(Ct))! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second turn never waited for the lock");
            await Task.Delay(20, Ct);
        }
    }
}
