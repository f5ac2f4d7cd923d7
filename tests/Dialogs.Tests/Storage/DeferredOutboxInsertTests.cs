using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// Behind the write journal, outbox entries wait outside LiteDB until its commit (issue 19): a reply delivered before
/// then costs LiteDB nothing, and one still owed is in LiteDB before anything reads it and after a crash.
/// A crash is the files as the operating system holds them while the database is open (copied, lock file aside).
/// </summary>
public sealed class DeferredOutboxInsertTests : IDisposable
{
    private const string Outbox = "outbox";
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);
    private readonly TempDataDirectory _directory = new();
    private readonly TempDataDirectory _crash = new();

    [Fact]
    public async Task An_entry_delivered_before_LiteDBs_commit_never_reaches_LiteDB()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = Open(_directory);
        await database.WriteAsync(db => db.GetCollection(Outbox).Insert([Entry("c#1", "Hello"), Entry("c#2", "Bye")]), ct);
        await database.WriteAsync(db => db.GetCollection(Outbox).Delete("c#1"), ct);
        await database.WriteAsync(db => db.GetCollection(Outbox).Delete("c#2"), ct);

        Assert.Equal(0, await database.ReadAsync(db => db.GetCollection(Outbox).Count(), ct));
        var deferred = database.Journal!.Engine.Deferred;
        Assert.Equal(2, deferred.Forgotten);
        Assert.Equal(0, deferred.Written);
    }

    [Fact]
    public async Task An_entry_still_owed_is_read_from_LiteDB_and_survives_a_crash()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = Open(_directory))
        {
            await database.WriteAsync(db => db.GetCollection(Outbox).Insert([Entry("c#1", "Hello"), Entry("c#2", "Owed")]), ct);
            await database.WriteAsync(db => db.GetCollection(Outbox).Delete("c#1"), ct);
            CopyAsCrash();

            Assert.Equal(["c#2"], await database.ReadAsync(db => db.GetCollection(Outbox).FindAll().Select(d => d["_id"].AsString).ToList(), ct));
            Assert.Equal(1, database.Journal!.Engine.Deferred.Written);
        }

        using var recovered = LiteDbDatabaseFactory.Open(_crash.Options());
        var owed = await recovered.ReadAsync(db => db.GetCollection(Outbox).FindAll().ToList(), ct);
        Assert.Equal("Owed", Assert.Single(owed)["activity"].AsString);
    }

    [Fact]
    public async Task A_write_that_reads_or_changes_an_entry_waiting_outside_LiteDB_finds_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = Open(_directory);
        await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#1", "Hello")), ct);

        // As a retry's reschedule does: find the entry and update it, in the writer's open transaction.
        Assert.True(await database.WriteAsync(
            db =>
            {
                var outbox = db.GetCollection(Outbox);
                var entry = outbox.FindById("c#1");
                entry["attempts"] = 1;
                return outbox.Update(entry);
            },
            ct));

        Assert.Equal(1, (await database.ReadAsync(db => db.GetCollection(Outbox).FindById("c#1"), ct))["attempts"].AsInt32);
        Assert.Equal(1, database.Journal!.Engine.Deferred.Written);
    }

    [Fact]
    public async Task A_failed_write_keeps_an_entry_journaled_before_it_and_leaves_its_own_nowhere()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = Open(_directory))
        {
            await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#1", "Kept")), ct);
            await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>(
                db =>
                {
                    db.GetCollection(Outbox).Insert(Entry("c#2", "Never written"));
                    throw new InvalidOperationException("the write fails after its insert");
                },
                ct));
            await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#3", "After")), ct);
            CopyAsCrash();

            Assert.Equal(["c#1", "c#3"], await Ids(database, ct));
        }

        using var recovered = LiteDbDatabaseFactory.Open(_crash.Options());
        Assert.Equal(["c#1", "c#3"], await Ids(recovered, ct));
    }

    [Fact]
    public async Task An_entry_whose_key_LiteDB_already_holds_fails_no_commit_and_keeps_the_later_entry()
    {
        // Outbox keys are unique by their conversation's sequence; should one come again, LiteDB refuses the insert at
        // its commit, and the writer must recover from the journal instead of failing every later commit.
        var ct = TestContext.Current.CancellationToken;
        using (var database = Open(_directory))
        {
            await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#1", "first")), ct);
            Assert.Equal(1, await database.ReadAsync(db => db.GetCollection(Outbox).Count(), ct));
            await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#1", "second")), ct);

            Assert.Equal("second", (await database.ReadAsync(db => db.GetCollection(Outbox).FindById("c#1"), ct))["activity"].AsString);
            await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#2", "third")), ct);
            Assert.Equal(["c#1", "c#2"], await Ids(database, ct));
            Assert.Null(database.Journal!.Broken);
            CopyAsCrash();
        }

        using var recovered = LiteDbDatabaseFactory.Open(_crash.Options());
        Assert.Equal("second", (await recovered.ReadAsync(db => db.GetCollection(Outbox).FindById("c#1"), ct))["activity"].AsString);
        Assert.Equal(["c#1", "c#2"], await Ids(recovered, ct));
    }

    [Fact]
    public async Task Without_the_journal_an_entry_goes_into_LiteDB_with_its_write()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = _directory.Options();
        options.Journal = false;
        using var database = LiteDbDatabaseFactory.Open(options);
        await database.WriteAsync(db => db.GetCollection(Outbox).Insert(Entry("c#1", "Hello")), ct);

        Assert.Null(database.Journal);
        Assert.Equal(1, database.Database.GetCollection(Outbox).Count());
    }

    public void Dispose()
    {
        _directory.Dispose();
        _crash.Dispose();
    }

    private static Task<List<string>> Ids(SharedLiteDatabase database, CancellationToken ct) =>
        database.ReadAsync(db => db.GetCollection(Outbox).FindAll().Select(d => d["_id"].AsString).Order(StringComparer.Ordinal).ToList(), ct);

    private static BsonDocument Entry(string id, string activity) => new() { ["_id"] = id, ["activity"] = activity, ["attempts"] = 0 };

    private static SharedLiteDatabase Open(TempDataDirectory directory) =>
        LiteDbDatabaseFactory.Open(directory.Options(), sync => sync, Never, commitEveryBatches: int.MaxValue);

    private void CopyAsCrash() => _directory.CopyAsCrashTo(_crash);
}
