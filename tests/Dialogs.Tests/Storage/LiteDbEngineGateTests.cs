using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// LiteDB 5's page cache can hand a page one thread looked up to another thread (litedb-org/LiteDB#2817: ENSURE "pages
/// in memory store must be non-shared", then every transaction slot leaks). The defence is one thread inside the engine
/// at a time: reads and writes take turns.
/// </summary>
public sealed class LiteDbEngineGateTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public async Task A_read_does_not_enter_while_a_write_is_inside_the_engine()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = _directory.Open();
        using (var blocker = new WriterBlocker(database, ct))
        {
            var entered = false;
            var read = database.ReadAsync(db => { entered = true; return db.GetCollection("probe").FindById(1); }, ct);

            // The write lambda is running (the blocker saw it enter), so the read can only be waiting for the gate.
            Assert.False(read.IsCompleted);
            Assert.False(Volatile.Read(ref entered));
            blocker.Release();
            await read.WaitAsync(Deadline, ct);
            Assert.True(entered);
        }
    }

    [Fact]
    public async Task A_write_does_not_enter_while_a_read_is_inside_the_engine()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = _directory.Open();
        using var readEntered = new ManualResetEventSlim();
        using var releaseRead = new ManualResetEventSlim();
        var read = Task.Run(
            () => database.ReadAsync(
                db =>
                {
                    readEntered.Set();
                    releaseRead.Wait(Deadline, CancellationToken.None);
                    return db.GetCollection("probe").FindById(1);
                },
                ct),
            ct);
        Assert.True(readEntered.Wait(Deadline, ct), "the read never started");

        var wrote = false;
        var write = database.WriteWithoutWaitingForDiskAsync(db => { wrote = true; return db.GetCollection("probe").Upsert(new BsonDocument { ["_id"] = 1 }); }, ct);

        // An idle writer would run the write inline at once; with a read inside the engine it has to wait for it.
        Assert.False(write.IsCompleted);
        Assert.False(Volatile.Read(ref wrote));
        releaseRead.Set();
        await read.WaitAsync(Deadline, ct);
        await write.WaitAsync(Deadline, ct);
        Assert.True(wrote);
    }

    [Fact]
    public async Task Concurrent_readers_and_writes_on_a_file_larger_than_the_cache_are_never_inside_the_engine_together()
    {
        var ct = TestContext.Current.CancellationToken;
        const int Documents = 6_000;
        const int Readers = 8;
        const int ReadsEach = 150;
        const int Writes = 150;
        using var database = _directory.Open();
        var filler = new string('x', 2_000);
        for (var start = 0; start < Documents; start += 1_000)
        {
            var from = start;
            await database.WriteAsync(
                db => db.GetCollection("big").InsertBulk(Enumerable.Range(from, 1_000).Select(i => new BsonDocument { ["_id"] = i, ["text"] = filler + i })),
                ct);
        }

        var inside = 0;
        var maxInside = 0;
        T Inside<T>(Func<T> body)
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            try
            {
                return body();
            }
            finally
            {
                Interlocked.Decrement(ref inside);
            }
        }

        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(
            async () =>
            {
                var random = new Random(r);
                for (var i = 0; i < ReadsEach; i++)
                {
                    var from = random.Next(Documents - 50);
                    var count = await database.ReadAsync(
                        db => Inside(() => db.GetCollection("big").Find(Query.And(Query.GTE("_id", from), Query.LT("_id", from + 50))).Count()),
                        ct);
                    Assert.Equal(50, count);
                }
            },
            ct));
        var writer = Task.Run(
            async () =>
            {
                var random = new Random(99);
                for (var i = 0; i < Writes; i++)
                {
                    var id = random.Next(Documents);
                    await database.WriteWithoutWaitingForDiskAsync(
                        db => Inside(() => db.GetCollection("big").Upsert(new BsonDocument { ["_id"] = id, ["text"] = filler + "w" + i })),
                        ct);
                }
            },
            ct);

        await Task.WhenAll([.. readers, writer]).WaitAsync(TimeSpan.FromMinutes(3), ct);
        Assert.Equal(1, Volatile.Read(ref maxInside));
    }

    public void Dispose() => _directory.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }
}
