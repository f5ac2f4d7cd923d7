using System.Collections.Concurrent;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;
using LiteDB;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// A delivery mark must not wait behind a long queue of turn commits: until it is on disk, a crash makes the outbox
/// send the message again although the person already has it (issue 13.6). Marks ride in the next group commit.
/// </summary>
public sealed class DeliveryMarkPriorityTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public async Task A_delivery_mark_commits_in_the_next_batch_ahead_of_queued_turn_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var store = new LiteDbOutboxStore(database);
        database.Database.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = "c#1" });
        var sawEntry = new ConcurrentBag<int>();
        using var blocker = new WriterBlocker(database, ct);

        // Four batches' worth of turn writes wait behind the running one; then the dispatcher marks a delivery.
        var turns = Enumerable.Range(0, 512)
            .Select(i => database.WriteAsync(
                db =>
                {
                    if (db.GetCollection("outbox").FindById("c#1") is not null)
                    {
                        sawEntry.Add(i);
                    }
                    return db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = i });
                },
                ct))
            .ToList();
        await store.MarkDeliveredAsync("c#1", ct);
        blocker.Release();
        await Task.WhenAll(turns);

        Assert.Null(database.ReadBlocking(db => db.GetCollection("outbox").FindById("c#1")));
        // Committed first in the batch after the running write, not after the 512 writes queued before it.
        Assert.Empty(sawEntry);
    }

    [Fact]
    public async Task A_turns_delivery_marks_ride_in_the_next_turns_commit_instead_of_a_transaction_each()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var store = new LiteDbOutboxStore(database);
        database.Database.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = "c#1" });
        database.Database.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = "c#2" });
        var before = database.Transactions;
        var sawEntries = -1;

        // The dispatcher marks a turn's two replies delivered, and the next turn commits right after.
        await store.MarkDeliveredAsync("c#1", ct);
        await store.MarkDeliveredAsync("c#2", ct);
        await database.WriteTurnAsync("webchat/conversations/c", db => sawEntries = db.GetCollection("outbox").Count(), ct);

        Assert.Equal(0, sawEntries);
        Assert.InRange(database.Transactions - before, 1, 2);
    }

    [Fact]
    public async Task A_delivery_mark_with_no_transaction_to_ride_in_commits_on_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options());
        var store = new LiteDbOutboxStore(database);
        database.Database.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = "c#1" });

        await store.MarkDeliveredAsync("c#1", ct);

        await SyncRecorder.EventuallyAsync(() => database.Database.GetCollection("outbox").FindById("c#1") is null, ct);
    }

    [Fact]
    public async Task A_mark_still_waiting_commits_when_a_container_closes_the_database_before_its_owner()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = LiteDbDatabaseFactory.Open(_directory.Options()))
        {
            database.Database.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = "c#1" });
            await new LiteDbOutboxStore(database).MarkDeliveredAsync("c#1", ct);

            // The host's container disposes the LiteDatabase it hands out before the SharedLiteDatabase that owns it.
            database.Database.Dispose();
        }

        using var reopened = LiteDbDatabaseFactory.Open(_directory.Options());
        Assert.Null(reopened.Database.GetCollection("outbox").FindById("c#1"));
    }

    public void Dispose() => _directory.Dispose();
}
