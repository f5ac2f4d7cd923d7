using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>
/// The retention purge and the inbound filter's load read whole collections a batch per transaction (issue 19,
/// memory): the purge still removes every expired record, the load still sees every id, and LiteDB's page cache,
/// which never shrinks, stays far smaller than the file read.
/// </summary>
public sealed class LiteDbBatchedScanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly long Old = Now.AddDays(-100).UtcTicks;
    private static readonly long Recent = Now.AddDays(-1).UtcTicks;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Purge_removes_every_expired_record_over_several_batches_and_keeps_every_recent_one()
    {
        using var directory = new TempDataDirectory();
        using var database = directory.Open();
        // More than two batches, expired and recent interleaved in _id order.
        const int count = (2 * LiteDbBatchedScan.BatchSize) + 123;
        await database.WriteAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                var at = i % 3 == 0 ? Old : Recent;
                var key = $"webchat/conversations/{i:D5}";
                db.GetCollection("state").Insert(new BsonDocument { ["_id"] = key, ["json"] = "{}", ["etag"] = "e", ["updated"] = at });
                db.GetCollection("inbound").Insert(new BsonDocument { ["_id"] = $"{key}/m{i}", ["at"] = at });
                db.GetCollection("outbox_sequence").Insert(new BsonDocument { ["_id"] = key, ["last"] = 1L, ["updated"] = at });
            }

            db.GetCollection("outbox_dead").Insert(new BsonDocument { ["_id"] = "dead-old", ["conversation"] = "x", ["activity"] = "{}", ["status"] = "Dead", ["created"] = Old });
            db.GetCollection("outbox_dead").Insert(new BsonDocument { ["_id"] = "dead-new", ["conversation"] = "y", ["activity"] = "{}", ["status"] = "Dead", ["created"] = Recent });
            return 0;
        }, Ct);
        var expired = Enumerable.Range(0, count).Count(i => i % 3 == 0);

        var removed = await new DialogsUserData(database, [], new FakeTimeProvider(Now)).PurgeOlderThanAsync(Now.AddDays(-90), Ct);

        Assert.Equal((3 * expired) + 1, removed);
        var left = await database.ReadAsync(db => (
            State: db.GetCollection("state").FindAll().Select(d => d["updated"].AsInt64).ToList(),
            Inbound: db.GetCollection("inbound").FindAll().Select(d => d["at"].AsInt64).ToList(),
            Counters: db.GetCollection("outbox_sequence").FindAll().Select(d => d["updated"].AsInt64).ToList(),
            Dead: db.GetCollection("outbox_dead").FindAll().Select(d => d["_id"].AsString).ToList()), Ct);
        foreach (var times in new[] { left.State, left.Inbound, left.Counters })
        {
            Assert.Equal(count - expired, times.Count);
            Assert.All(times, at => Assert.Equal(Recent, at));
        }

        Assert.Equal(["dead-new"], left.Dead);
    }

    [Fact]
    public async Task Purge_of_a_large_file_with_nothing_expired_leaves_the_page_cache_far_smaller_than_the_file()
    {
        using var directory = new TempDataDirectory();
        var filePages = 0L;
        using (var writing = directory.Open())
        {
            var json = new string('x', 2_000);
            for (var start = 0; start < 10_000; start += 1_000)
            {
                await writing.WriteAsync(db => db.GetCollection("state").InsertBulk(Enumerable.Range(start, 1_000).Select(i =>
                    new BsonDocument { ["_id"] = $"webchat/conversations/{i:D6}", ["json"] = json, ["etag"] = "e", ["updated"] = Recent })), Ct);
            }

            writing.Checkpoint();
        }

        filePages = new FileInfo(directory.DatabaseFile).Length / 8192;
        // Opened again: the cache starts empty, as in a host starting on a full file.
        using var database = directory.Open();

        Assert.Equal(0, await new DialogsUserData(database, [], new FakeTimeProvider(Now)).PurgeOlderThanAsync(Now.AddDays(-90), Ct));

        var cachePages = await database.ReadAsync(db => db.GetCollection("$database").FindAll().Single()["cache"]["extendPages"].AsInt32, Ct);
        Assert.True(filePages > 2_500, $"the file has {filePages} pages");
        // One transaction over the whole collection kept every page it read: at least as many as the file has.
        Assert.True(cachePages < filePages / 2, $"LiteDB's cache holds {cachePages} pages after reading a file of {filePages}");
    }

    [Fact]
    public async Task Reading_every_id_in_batches_gives_each_id_once_in_order()
    {
        using var directory = new TempDataDirectory();
        using var database = directory.Open();
        const int count = LiteDbBatchedScan.ReadBatchSize + 17;
        await database.WriteAsync(db => db.GetCollection("inbound").InsertBulk(Enumerable.Range(0, count).Select(i => new BsonDocument { ["_id"] = $"telegram/{i:D6}", ["at"] = Recent })), Ct);

        var ids = LiteDbBatchedScan.Ids(database, "inbound").Select(id => id.AsString).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"telegram/{i:D6}"), ids);
    }
}
