using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Locking;
using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Postgres.State;
using IntegrationBot.Storage.Tests.Support;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>Advisory locks serialize one conversation's turns across instances (each with its own pool).</summary>
public sealed class PostgresConversationLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_instance_waits_for_the_conversation_until_the_first_releases_it()
    {
        await using var first = await PostgresBackend.OpenAsync();
        var second = first.Second();
        var lockA = new PostgresConversationLock(first.Database);
        var lockB = new PostgresConversationLock(second.Database);

        var held = await lockA.AcquireAsync("telegram|42", Ct);
        var waiting = lockB.AcquireAsync("telegram|42", Ct);
        await WaitUntilAsync(() => WaitingAdvisoryLocksAsync(first.ConnectionString), count => count == 1);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(0, await WaitingAdvisoryLocksAsync(first.ConnectionString));
    }

    [Fact]
    public async Task Different_conversations_do_not_block_each_other()
    {
        await using var first = await PostgresBackend.OpenAsync();
        var lockA = new PostgresConversationLock(first.Database);
        var lockB = new PostgresConversationLock(first.Second().Database);

        await using var a = await lockA.AcquireAsync("telegram|1", Ct);
        await using var b = await lockB.AcquireAsync("telegram|2", Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.NotNull(b);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_without_taking_the_lock()
    {
        await using var first = await PostgresBackend.OpenAsync();
        var lockA = new PostgresConversationLock(first.Database);
        var lockB = new PostgresConversationLock(first.Second().Database);
        var held = await lockA.AcquireAsync("telegram|42", Ct);
        using var cancel = new CancellationTokenSource();

        var waiting = lockB.AcquireAsync("telegram|42", cancel.Token);
        await WaitUntilAsync(() => WaitingAdvisoryLocksAsync(first.ConnectionString), count => count == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();
        await using var again = await lockA.AcquireAsync("telegram|42", Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Many_concurrent_turns_on_a_small_pool_all_finish_because_lock_holders_leave_connections_free()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        await using var small = new PostgresDatabase(backend.ConnectionString + ";Maximum Pool Size=4;Timeout=5", backend.Database.Schema);
        var conversationLock = new PostgresConversationLock(small);
        var storage = new PostgresStorage(small, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var held = await conversationLock.AcquireAsync($"telegram|{i}", Ct);
            await storage.ReadAsync([$"k{i}"], Ct);
            await storage.WriteAsync(new Dictionary<string, StoredItem> { [$"k{i}"] = new("{}") }, Ct);
        })));

        Assert.Equal(20, (await storage.ReadAsync([.. Enumerable.Range(0, 20).Select(i => $"k{i}")], Ct)).Count);
    }

    private static async Task<int> WaitingAdvisoryLocksAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1", connection);
        return (int)(long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task WaitUntilAsync(Func<Task<int>> probe, Func<int, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done(await probe()))
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(20, Ct);
        }
    }
}
