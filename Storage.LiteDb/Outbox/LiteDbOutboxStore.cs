using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Outbox;

/// <summary><see cref="IOutboxStore"/> on the shared LiteDB database.</summary>
public sealed class LiteDbOutboxStore : IOutboxStore
{
    private static readonly BsonExpression IsDeadLettered = Query.EQ("status", nameof(OutboxStatus.DeadLettered));

    private readonly SharedLiteDatabase _database;

    public LiteDbOutboxStore(SharedLiteDatabase database)
    {
        _database = database;
        database.Setup(MoveEarlierDeadLetters);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await HeadsAsync(cancellationToken)).Where(e => e.NextAttemptAt <= now)];

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var heads = await HeadsAsync(cancellationToken);
        return heads.Count == 0 ? null : heads.Min(e => e.NextAttemptAt);
    }

    /// <summary>
    /// Durable right after the channel answered: the delete joins the next group commit ahead of queued turn commits,
    /// so the window in which a crash makes the outbox send a delivered message again is the HTTP round trip itself,
    /// not the write queue's length under load (measured in the crash test, see docs/reliability.md).
    /// </summary>
    public Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken) =>
        _database.WriteAheadAsync(db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).Delete(entryId), cancellationToken);

    public Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken) =>
        UpdateAsync(entryId, e => e with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = lastError }, cancellationToken);

    /// <summary>Moves the entry out of the outbox into the dead letters, in one transaction.</summary>
    public Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            db =>
            {
                var outbox = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
                if (outbox.FindById(entryId) is not { } doc)
                {
                    return false;
                }

                var dead = LiteDbOutboxDocuments.FromDocument(doc) with { Attempts = attempts, Status = OutboxStatus.DeadLettered, LastError = reason };
                db.GetCollection(LiteDbOutboxDocuments.DeadLetterCollection).Upsert(LiteDbOutboxDocuments.ToDocument(dead));
                return outbox.Delete(entryId);
            },
            cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ListDeadLettersAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<OutboxEntry>>(
            db => [.. db.GetCollection(LiteDbOutboxDocuments.DeadLetterCollection).FindAll().Select(LiteDbOutboxDocuments.FromDocument)],
            cancellationToken);

    public Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).DeleteMany(LiteDbQueries.Equal("conversation", conversationKey))
                + db.GetCollection(LiteDbOutboxDocuments.DeadLetterCollection).DeleteMany(LiteDbQueries.Equal("conversation", conversationKey)),
            cancellationToken);

    // Everything in the outbox is pending (delivered entries are deleted, dead letters moved), so a drain reads it all.
    private Task<List<OutboxEntry>> HeadsAsync(CancellationToken cancellationToken) => _database.ReadAsync(
        db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).FindAll()
            .Select(LiteDbOutboxDocuments.FromDocument)
            .Where(e => e.Status == OutboxStatus.Pending)
            .GroupBy(e => e.ConversationKey)
            .Select(g => g.MinBy(e => e.Sequence)!)
            .ToList(),
        cancellationToken);

    /// <summary>
    /// Files written before kept dead letters in the outbox next to pending entries, with an index on status to tell
    /// them apart: the dead letters move to their own collection (one transaction) and the index goes.
    /// </summary>
    private static void MoveEarlierDeadLetters(LiteDatabase db)
    {
        var outbox = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
        var earlier = outbox.Find(IsDeadLettered).ToList();
        if (earlier.Count > 0)
        {
            db.BeginTrans();
            try
            {
                var dead = db.GetCollection(LiteDbOutboxDocuments.DeadLetterCollection);
                foreach (var doc in earlier)
                {
                    dead.Upsert(doc);
                    outbox.Delete(doc["_id"]);
                }

                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }

        outbox.DropIndex("status");
    }

    private Task UpdateAsync(string entryId, Func<OutboxEntry, OutboxEntry> change, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
                return collection.FindById(entryId) is { } doc
                    && collection.Update(LiteDbOutboxDocuments.ToDocument(change(LiteDbOutboxDocuments.FromDocument(doc))));
            },
            cancellationToken);
}
