using IntegrationBot.Dialogs.Storage;
using LiteDB;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary><see cref="IOutboxStore"/> on the shared LiteDB database.</summary>
public sealed class LiteDbOutboxStore(SharedLiteDatabase database) : IOutboxStore
{
    private ILiteCollection<BsonDocument> Outbox => database.Database.GetCollection(LiteDbOutboxDocuments.OutboxCollection);

    public Task<IReadOnlyList<OutboxEntry>> ListDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxEntry> due = [.. Heads().Where(e => e.NextAttemptAt <= now)];
        return Task.FromResult(due);
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var heads = Heads().ToList();
        return Task.FromResult<DateTimeOffset?>(heads.Count == 0 ? null : heads.Min(e => e.NextAttemptAt));
    }

    public Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken)
    {
        database.WriteInTransaction(db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).Delete(entryId));
        return Task.CompletedTask;
    }

    public Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken) =>
        Update(entryId, e => e with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = lastError });

    public Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken) =>
        Update(entryId, e => e with { Attempts = attempts, Status = OutboxStatus.DeadLettered, LastError = reason });

    public Task<IReadOnlyList<OutboxEntry>> ListDeadLettersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxEntry> dead =
        [
            .. Outbox.Find(Query.EQ("status", nameof(OutboxStatus.DeadLettered))).Select(LiteDbOutboxDocuments.FromDocument),
        ];
        return Task.FromResult(dead);
    }

    public Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(database.WriteInTransaction(db =>
            db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).DeleteMany(Query.EQ("conversation", conversationKey))));

    private IEnumerable<OutboxEntry> Heads() =>
        Outbox.Find(Query.EQ("status", nameof(OutboxStatus.Pending)))
            .Select(LiteDbOutboxDocuments.FromDocument)
            .GroupBy(e => e.ConversationKey)
            .Select(g => g.MinBy(e => e.Sequence)!)
            .ToList();

    private Task Update(string entryId, Func<OutboxEntry, OutboxEntry> change)
    {
        database.WriteInTransaction(db =>
        {
            var collection = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
            return collection.FindById(entryId) is { } doc
                && collection.Update(LiteDbOutboxDocuments.ToDocument(change(LiteDbOutboxDocuments.FromDocument(doc))));
        });
        return Task.CompletedTask;
    }
}
