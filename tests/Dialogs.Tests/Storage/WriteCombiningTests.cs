using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;
using LiteDB;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>The writer thread commits the writes waiting together in one transaction, with one-transaction-per-write semantics.</summary>
public sealed class WriteCombiningTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public async Task Writes_queued_behind_a_running_one_commit_together_each_with_its_own_result()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(Unjournaled());
        using var blocker = new WriterBlocker(database, ct);

        var writes = Enumerable.Range(0, 50)
            .Select(i => database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = i, ["n"] = i * 10 }).AsInt32, ct))
            .ToList();
        var before = database.Writer.Transactions;
        blocker.Release();
        var ids = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 50), ids);
        Assert.Equal(50, database.Database.GetCollection("probe").Count());
        // The 50 writes were all queued while the writer was busy: far fewer commits than writes.
        var commits = database.Writer.Transactions - before;
        Assert.InRange(commits, 1, 2);
    }

    [Fact]
    public async Task A_failing_write_fails_alone_and_the_others_commit_without_seeing_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(Unjournaled());
        using var blocker = new WriterBlocker(database, ct);

        var first = database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = "a" }), ct);
        var failing = database.WriteAsync<bool>(
            db =>
            {
                db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = "b" });
                throw new StorageConflictException("stale eTag");
            },
            ct);
        var last = database.WriteAsync(
            db =>
            {
                var sawB = db.GetCollection("probe").FindById("b") is not null;
                var sawA = db.GetCollection("probe").FindById("a") is not null;
                db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = "c" });
                return (sawA, sawB);
            },
            ct);
        blocker.Release();

        await first;
        await Assert.ThrowsAsync<StorageConflictException>(() => failing);
        Assert.Equal((true, false), await last);
        var ids = database.Database.GetCollection("probe").FindAll().Select(d => d["_id"].AsString).Order().ToList();
        Assert.Equal(["a", "c"], ids);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_never_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(Unjournaled());
        using var blocker = new WriterBlocker(database, ct);
        using var cancel = new CancellationTokenSource();

        var ran = false;
        var cancelled = database.WriteAsync(
            db =>
            {
                ran = true;
                return db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = "x" });
            },
            cancel.Token);
        var after = database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = "y" }), ct);
        await cancel.CancelAsync();
        blocker.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await after;
        Assert.False(ran);
        Assert.Null(database.Database.GetCollection("probe").FindById("x"));
    }

    [Fact]
    public async Task A_write_to_an_idle_database_runs_on_the_callers_thread()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(Unjournaled());
        var caller = Environment.CurrentManagedThreadId;

        var ranOn = await database.WriteWithoutWaitingForDiskAsync(_ => Environment.CurrentManagedThreadId, ct);

        Assert.Equal(caller, ranOn);
    }

    [Fact]
    public async Task Closing_commits_the_writes_still_queued()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = LiteDbDatabaseFactory.Open(Unjournaled());
        List<Task<BsonValue>> queued;
        using (var blocker = new WriterBlocker(database, ct))
        {
            queued = [.. Enumerable.Range(0, 10).Select(i => database.WriteWithoutWaitingForDiskAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = i }), ct))];
            blocker.Release();
            database.Dispose();
        }

        await Task.WhenAll(queued);
        using var reopened = LiteDbDatabaseFactory.Open(Unjournaled());
        Assert.Equal(10, reopened.Database.GetCollection("probe").Count());
    }

    public void Dispose() => _directory.Dispose();

    // LiteDB's own transactions combined, as without the write journal (WriteJournalTests covers the journal).
    private StorageOptions Unjournaled()
    {
        var options = _directory.Options();
        options.Journal = false;
        return options;
    }
}
