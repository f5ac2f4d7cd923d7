using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.State;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// Issue 19: a turn's duplicate check reads no LiteDB for a new message once the inbound filter is loaded, and still
/// finds every repeat. An id written straight into the file (behind the filter's back) shows which one answered.
/// </summary>
public sealed class LiteDbInboundFilterTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TurnCommit Turn(string inbound) => new("webchat/conversations/c1", inbound, new Dictionary<string, Dialogs.Storage.StoredItem>(), []);

    private static async Task LoadedAsync(LiteDbTurnStore turns, LiteDbHotState hot)
    {
        await turns.IsProcessedAsync("starts-the-load", Ct);
        await SyncRecorder.EventuallyAsync(() => hot.Inbound.IsReady, Ct);
    }

    private static Task WriteBehindTheFilterAsync(SharedLiteDatabase database, string inbound) =>
        database.WriteAsync(db => db.GetCollection(LiteDbOutboxDocuments.InboundCollection).Insert(new BsonDocument { ["_id"] = inbound, ["at"] = 0L }), Ct);

    [Fact]
    public async Task Once_loaded_a_new_id_is_answered_from_memory_without_reading_the_file()
    {
        using var database = _directory.Open();
        var turns = new LiteDbTurnStore(database, _time);
        var hot = LiteDbHotState.For(database);
        await LoadedAsync(turns, hot);

        await WriteBehindTheFilterAsync(database, "telegram|behind");

        // Memory never saw it: the check answered "new" without the file, which has it.
        Assert.False(await turns.IsProcessedAsync("telegram|behind", Ct));
    }

    [Fact]
    public async Task Every_committed_id_is_found_again_before_and_after_loading_and_after_a_restart()
    {
        using (var database = _directory.Open())
        {
            var turns = new LiteDbTurnStore(database, _time);
            Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn("telegram|1"), Ct));
            Assert.True(await turns.IsProcessedAsync("telegram|1", Ct));
            await LoadedAsync(turns, LiteDbHotState.For(database));
            Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn("telegram|2"), Ct));

            Assert.True(await turns.IsProcessedAsync("telegram|1", Ct));
            Assert.True(await turns.IsProcessedAsync("telegram|2", Ct));
            Assert.False(await turns.IsProcessedAsync("telegram|3", Ct));
        }

        using var reopened = _directory.Open();
        var again = new LiteDbTurnStore(reopened, _time);
        await LoadedAsync(again, LiteDbHotState.For(reopened));
        Assert.True(await again.IsProcessedAsync("telegram|1", Ct));
        Assert.True(await again.IsProcessedAsync("telegram|2", Ct));
    }

    [Fact]
    public async Task A_load_from_a_large_file_ends_with_a_compacting_full_collection()
    {
        var filter = new LiteDbInboundFilter();
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        filter.LoadInBackground(() => LiteDbInboundFilter.TrimAfterLoadingIds, () => ["telegram|1"]);

        // The scan's garbage (a document per id) is given back once the filter is ready (issue 19, memory).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!filter.IsReady || GC.GetGCMemoryInfo(GCKind.FullBlocking).Index <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, "no full blocking collection after loading the filter");
            await Task.Delay(10, Ct);
        }

        Assert.True(GC.GetGCMemoryInfo(GCKind.FullBlocking).Compacted, "the collection after the load did not compact");
    }

    [Fact]
    public void An_id_added_while_the_file_is_scanned_is_not_missed_and_a_full_filter_steps_aside_until_rebuilt()
    {
        var filter = new LiteDbInboundFilter();
        using var scanning = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        filter.LoadInBackground(() => 1, () => Scan(scanning, release));
        Assert.True(scanning.Wait(TimeSpan.FromSeconds(30), Ct));
        filter.Added("during-the-scan");
        release.Set();
        SpinWait.SpinUntil(() => filter.IsReady, TimeSpan.FromSeconds(30));

        Assert.True(filter.IsReady);
        Assert.False(filter.IsSurelyNew("from-the-file"));
        Assert.False(filter.IsSurelyNew("during-the-scan"));
        Assert.True(filter.IsSurelyNew("never-seen"));

        // More ids than it was sized for: it stops answering (every check reads the file) rather than answer badly.
        for (long i = 0; i <= filter.Capacity; i++)
        {
            filter.Added($"id-{i}");
        }

        Assert.False(filter.IsReady);
        Assert.False(filter.IsSurelyNew("never-seen"));
    }

    private static IEnumerable<string> Scan(ManualResetEventSlim scanning, ManualResetEventSlim release)
    {
        scanning.Set();
        release.Wait(TimeSpan.FromSeconds(30));
        yield return "from-the-file";
    }

    public void Dispose() => _directory.Dispose();
}
