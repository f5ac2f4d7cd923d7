using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Storage;
using LiteDB;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary><see cref="IOutboxStore"/> on the shared LiteDB database.</summary>
public sealed class LiteDbOutboxStore : IOutboxStore
{
    // Parsed once: the dispatcher asks for pending entries after every turn, and parsing showed up in profiles.
    private static readonly BsonExpression IsPending = Query.EQ("status", nameof(OutboxStatus.Pending));
    private static readonly BsonExpression IsDeadLettered = Query.EQ("status", nameof(OutboxStatus.DeadLettered));

    private readonly SharedLiteDatabase _database;

    public LiteDbOutboxStore(SharedLiteDatabase database)
    {
        _database = database;
        // Delivered entries are deleted, so pending ones are few: with an index a drain reads only those.
        database.Setup(db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).EnsureIndex("status"));
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await HeadsAsync(cancellationToken)).Where(e => e.NextAttemptAt <= now)];

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var heads = await HeadsAsync(cancellationToken);
        return heads.Count == 0 ? null : heads.Min(e => e.NextAttemptAt);
    }

    /// <summary>
    /// Does not wait for the disk: the entry was already handed to the channel (whose own log, for web chat, is
    /// durable first), so losing this delete to a power failure means at worst one repeated delivery, never a lost one.
    /// </summary>
    public Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken) =>
        _database.WriteWithoutWaitingForDiskAsync(db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).Delete(entryId), cancellationToken);

    public Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken) =>
        UpdateAsync(entryId, e => e with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = lastError }, cancellationToken);

    public Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(entryId, e => e with { Attempts = attempts, Status = OutboxStatus.DeadLettered, LastError = reason }, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ListDeadLettersAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<OutboxEntry>>(
            db => [.. db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).Find(IsDeadLettered).Select(LiteDbOutboxDocuments.FromDocument)],
            cancellationToken);

    public Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).DeleteMany(LiteDbQueries.Equal("conversation", conversationKey)),
            cancellationToken);

    private Task<List<OutboxEntry>> HeadsAsync(CancellationToken cancellationToken) => _database.ReadAsync(
        db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).Find(IsPending)
            .Select(LiteDbOutboxDocuments.FromDocument)
            .GroupBy(e => e.ConversationKey)
            .Select(g => g.MinBy(e => e.Sequence)!)
            .ToList(),
        cancellationToken);

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
