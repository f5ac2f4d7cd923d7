using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.TestSupport;
using LiteDB;
using IntegrationBot.Storage.LiteDb.Outbox;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>
/// A file written when dead letters stayed in the outbox (with an index on status) opens in the current layout:
/// dead letters in their own collection, the outbox holding only what is owed, the index gone.
/// </summary>
public sealed class LiteDbOutboxLayoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Earlier_dead_letters_move_out_of_the_outbox_and_pending_entries_stay_due()
    {
        using var directory = new TempDataDirectory();
        using (var database = directory.Open())
        {
            var outbox = database.Database.GetCollection("outbox");
            outbox.EnsureIndex("status");
            outbox.Insert(Entry("c1", 1, OutboxStatus.DeadLettered));
            outbox.Insert(Entry("c1", 2, OutboxStatus.Pending));
            outbox.Insert(Entry("c2", 1, OutboxStatus.Pending));
        }

        using var reopened = directory.Open();
        var store = new LiteDbOutboxStore(reopened);

        var dead = Assert.Single(await store.ListDeadLettersAsync(Ct));
        Assert.Equal(("c1", 1L, OutboxStatus.DeadLettered), (dead.ConversationKey, dead.Sequence, dead.Status));
        Assert.Equal([("c1", 2L), ("c2", 1L)], (await store.ListDueHeadsAsync(Start.AddMinutes(1), Ct)).Select(e => (e.ConversationKey, e.Sequence)).Order());
        Assert.Equal(2, reopened.Database.GetCollection("outbox").Count());
        var indexes = reopened.Database.GetCollection("$indexes").Find(Query.EQ("collection", "outbox")).Select(i => i["name"].AsString);
        Assert.Equal(["_id"], indexes);
    }

    [Fact]
    public async Task A_dead_lettered_entry_leaves_the_outbox_and_the_next_entry_of_its_conversation_becomes_due()
    {
        using var directory = new TempDataDirectory();
        using var database = directory.Open();
        var store = new LiteDbOutboxStore(database);
        await database.WriteAsync(db => db.GetCollection("outbox").InsertBulk([Entry("c1", 1, OutboxStatus.Pending), Entry("c1", 2, OutboxStatus.Pending)]), Ct);

        var head = Assert.Single(await store.ListDueHeadsAsync(Start.AddMinutes(1), Ct));
        await store.DeadLetterAsync(head.Id, 8, "blocked by the user", Ct);

        var dead = Assert.Single(await store.ListDeadLettersAsync(Ct));
        Assert.Equal((head.Id, 8, "blocked by the user"), (dead.Id, dead.Attempts, dead.LastError));
        Assert.Equal(2L, Assert.Single(await store.ListDueHeadsAsync(Start.AddMinutes(1), Ct)).Sequence);
        Assert.Equal(2, await store.DeleteConversationAsync("c1", Ct));
        Assert.Empty(await store.ListDeadLettersAsync(Ct));
    }

    private static BsonDocument Entry(string conversation, long sequence, OutboxStatus status) => new()
    {
        ["_id"] = $"{conversation}#{sequence}",
        ["conversation"] = conversation,
        ["sequence"] = sequence,
        ["channel"] = "webchat",
        ["activity"] = """{"type":"message","text":"reply"}""",
        ["status"] = status.ToString(),
        ["attempts"] = status == OutboxStatus.Pending ? 0 : 8,
        ["due"] = Start.UtcTicks,
        ["created"] = Start.UtcTicks,
        ["error"] = BsonValue.Null,
    };
}
