using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.LiteDb.Dashboard;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.State;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// The eTag check and the sequence counter answered from memory (issue 19, <see cref="LiteDbFileFacts"/>): a conflict is
/// still found, inside a group commit too, a rolled-back write leaves no fact behind, and once the facts are dropped
/// (over their bound, erasure, retention) the check reads the file again.
/// </summary>
public sealed class LiteDbFileFactsTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public void A_fact_is_seen_within_its_transaction_and_kept_only_when_it_commits()
    {
        var facts = new LiteDbFileFacts(maxKeys: 10);

        facts.ETagWritten("k", "e1");
        facts.SequenceWritten("c", 3);
        Assert.True(facts.TryGetETag("k", out var seen) && seen == "e1");
        facts.TransactionEnded(committed: false);
        Assert.False(facts.TryGetETag("k", out _));
        Assert.False(facts.TryGetSequence("c", out _));

        facts.ETagWritten("k", "e2");
        facts.SequenceWritten("c", 4);
        facts.TransactionEnded(committed: true);
        Assert.True(facts.TryGetETag("k", out var kept) && kept == "e2");
        Assert.True(facts.TryGetSequence("c", out var last) && last == 4);

        facts.Forget("k");
        Assert.False(facts.TryGetETag("k", out _));
        facts.Forget();
        Assert.False(facts.TryGetSequence("c", out _));
    }

    [Fact]
    public void Over_its_bound_every_fact_is_dropped_and_none_is_kept_when_turned_off()
    {
        var facts = new LiteDbFileFacts(maxKeys: 2);
        foreach (var key in new[] { "a", "b", "c" })
        {
            facts.ETagWritten(key, "e");
            facts.TransactionEnded(committed: true);
        }

        Assert.False(facts.TryGetETag("a", out _) || facts.TryGetETag("b", out _) || facts.TryGetETag("c", out _));
        Assert.Equal(1, facts.Overflows);

        var off = new LiteDbFileFacts(maxKeys: 0);
        off.ETagWritten("a", "e");
        Assert.False(off.TryGetETag("a", out _));
    }

    [Fact]
    public async Task A_stale_etag_conflicts_when_the_check_is_answered_from_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var storage = new LiteDbStorage(database);
        var first = await CreateAsync(storage, "k", "{\"v\":1}");
        await WriteAsync(storage, "k", first with { Json = "{\"v\":2}" });
        Assert.True(KnownETag(database, "k", out _), "the eTag written by this process is known without a query");

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            WriteAsync(storage, "k", first with { Json = "{\"v\":3}" }));
        Assert.Equal("{\"v\":2}", StoredJson(database, "k"));
    }

    [Fact]
    public async Task Two_writes_of_one_document_in_one_group_commit_the_second_with_the_old_etag_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var storage = new LiteDbStorage(database);
        var read = await CreateAsync(storage, "k", "{\"v\":1}");

        Task first, second;
        var before = database.Transactions;
        using (var blocker = new WriterBlocker(database, ct))
        {
            first = WriteAsync(storage, "k", read with { Json = "{\"v\":2}" });
            second = WriteAsync(storage, "k", read with { Json = "{\"v\":3}" });
            blocker.Release();
        }

        await first;
        // The first write's eTag is not committed yet when the second is checked: the running transaction's facts count.
        await Assert.ThrowsAsync<StorageConflictException>(() => second);
        Assert.Equal("{\"v\":2}", StoredJson(database, "k"));
        Assert.InRange(database.Transactions - before, 1, 3);
    }

    [Fact]
    public async Task A_write_rolled_back_with_its_batch_leaves_no_fact_and_the_next_check_reads_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var storage = new LiteDbStorage(database);

        // The state write runs, then the same transaction fails: LiteDB rolls the document back, and its eTag must go too.
        var failed = database.WriteAsync<bool>(
            db =>
            {
                LiteDbDocuments.WriteChecked(db, database.Hot.Facts, new Dictionary<string, StoredItem> { ["k"] = new("{\"v\":1}") });
                throw new InvalidOperationException("fails after writing state");
            },
            ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        Assert.False(KnownETag(database, "k", out _));
        // "Must not exist yet" holds: the file has no such document, and memory does not claim one.
        await WriteAsync(storage, "k", new("{\"v\":2}"));
        Assert.Equal("{\"v\":2}", StoredJson(database, "k"));
    }

    [Fact]
    public async Task Once_the_facts_are_dropped_over_their_bound_a_change_behind_the_stores_is_found_in_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        LiteDbHotState.Attach(database, new LiteDbHotState(cachedDocuments: 1, cacheBytes: 1_000_000, outboxEntries: 10));
        var storage = new LiteDbStorage(database);
        var a = await CreateAsync(storage, "a", "{\"v\":1}");
        // A second document puts the facts over their bound of one: all are dropped.
        await WriteAsync(storage, "b", new("{}"));
        Assert.False(KnownETag(database, "a", out _));
        await ChangeBehindTheStoresAsync(database, "a", ct);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            WriteAsync(storage, "a", a with { Json = "{\"v\":2}" }));
        Assert.Equal("{\"v\":10}", StoredJson(database, "a"));
    }

    [Fact]
    public async Task Deleting_through_the_store_forgets_the_etag_so_a_create_succeeds_and_a_stale_write_conflicts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var storage = new LiteDbStorage(database);
        var old = await CreateAsync(storage, "k", "{\"v\":1}");

        await storage.DeleteAsync(["k"], ct);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            WriteAsync(storage, "k", old with { Json = "{\"v\":2}" }));
        await WriteAsync(storage, "k", new("{\"v\":3}"));
        Assert.Equal("{\"v\":3}", StoredJson(database, "k"));
    }

    [Fact]
    public async Task A_day_counter_adds_from_memory_drops_a_rolled_back_add_and_continues_from_the_file_after_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var day = new DateOnly(2026, 12, 5);
        var asked = new TopicDailyCount(day, "housing", TopicCountKind.Asked, 1);
        using (var database = LiteDbDatabaseFactory.Open(_directory.Options()))
        {
            var topics = new LiteDbTopicStatistics(database);
            await topics.AddAsync([asked], ct);
            await database.WriteAsync(_ => true, ct);

            // The add rides in a batch whose other write fails: the batch runs again without it, and counts the add once.
            Task add, failing;
            using (var blocker = new WriterBlocker(database, ct))
            {
                add = topics.AddAsync([asked], ct);
                failing = database.WriteAsync<bool>(_ => throw new InvalidOperationException("fails the batch"), ct);
                blocker.Release();
            }

            await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
            await add;
            Assert.Equal(2, (await topics.ListAsync(day, ct)).Single().Count);
        }

        using (var reopened = LiteDbDatabaseFactory.Open(_directory.Options()))
        {
            var topics = new LiteDbTopicStatistics(reopened);
            await topics.AddAsync([asked with { Count = 3 }], ct);
            await reopened.WriteAsync(_ => true, ct);
            Assert.Equal(5, (await topics.ListAsync(day, ct)).Single().Count);
        }
    }

    private static Task WriteAsync(LiteDbStorage storage, string key, StoredItem item) =>
        storage.WriteAsync(new Dictionary<string, StoredItem> { [key] = item }, TestContext.Current.CancellationToken);

    /// <summary>Writes a new document and reads it back, with the eTag it was given.</summary>
    private static async Task<StoredItem> CreateAsync(LiteDbStorage storage, string key, string json)
    {
        await WriteAsync(storage, key, new StoredItem(json));
        return (await storage.ReadAsync([key], TestContext.Current.CancellationToken))[key];
    }

    private static bool KnownETag(SharedLiteDatabase database, string key, out string etag)
    {
        // The facts belong to the writer's transactions: read them from one.
        string found = string.Empty;
        var known = database.WriteAsync(_ => database.Hot.Facts.TryGetETag(key, out found), CancellationToken.None).GetAwaiter().GetResult();
        etag = found;
        return known;
    }

    private static Task ChangeBehindTheStoresAsync(SharedLiteDatabase database, string key, CancellationToken ct) =>
        database.WriteAsync(
            db => db.GetCollection(LiteDbDocuments.StateCollection).Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["json"] = "{\"v\":10}",
                ["etag"] = "behind-the-stores",
                ["updated"] = DateTime.UtcNow.Ticks,
            }),
            ct);

    private static string StoredJson(SharedLiteDatabase database, string key) =>
        database.ReadBlocking(db => db.GetCollection(LiteDbDocuments.StateCollection).FindById(key)["json"].AsString);

    public void Dispose() => _directory.Dispose();
}
