using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Storage.LiteDb.Outbox;

/// <summary><see cref="IOutboxStore"/> on the shared LiteDB database; heads are found in memory (<see cref="LiteDbOutboxMirror"/>)
/// and every change is written to the file before the copy in memory follows it.</summary>
public sealed class LiteDbOutboxStore : IOutboxStore
{
    private static readonly BsonExpression IsDeadLettered = Query.EQ("status", nameof(OutboxStatus.DeadLettered));

    private readonly SharedLiteDatabase _database;
    private readonly LiteDbOutboxMirror _mirror;

    public LiteDbOutboxStore(SharedLiteDatabase database)
    {
        _database = database;
        _mirror = LiteDbHotState.For(database).Outbox;
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
    /// Removed from memory at once (the dispatcher never sends it again in this process); in the file the delete rides
    /// in the next transaction (the next turn's commit), or gets one of its own a few milliseconds later, ahead of any
    /// queued turn commits: a turn's replies cost no transaction each, and the window in which a crash makes the outbox
    /// send a delivered message again stays the HTTP round trip plus those milliseconds (see docs/reliability.md).
    /// </summary>
    public Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken)
    {
        var delete = _database.WriteWithNextAsync(db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).Delete(entryId));
        _mirror.Removed(entryId);
        // A delete that failed (its outcome unknown) drops the copy in memory, which the file then reloads.
        delete.ContinueWith(_ => _mirror.Unload(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken)
    {
        OutboxEntry? changed = null;
        return MirroredAsync(
            UpdateAsync(entryId, e => changed = e with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = lastError }, cancellationToken),
            () =>
            {
                if (changed is not null)
                {
                    _mirror.Replaced(changed);
                }
            });
    }

    /// <summary>Moves the entry out of the outbox into the dead letters, in one transaction.</summary>
    public Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken) =>
        MirroredAsync(DeadLetterInFileAsync(entryId, attempts, reason, cancellationToken), () => _mirror.Removed(entryId));

    private Task<bool> DeadLetterInFileAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken) =>
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

    public async Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var deleted = await MirroredAsync(
            _database.WriteAsync(
                db => db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).DeleteMany(LiteDbQueries.Equal("conversation", conversationKey))
                    + db.GetCollection(LiteDbOutboxDocuments.DeadLetterCollection).DeleteMany(LiteDbQueries.Equal("conversation", conversationKey)),
                cancellationToken),
            () => _mirror.RemovedConversation(conversationKey));
        return deleted;
    }

    /// <summary>The heads from memory; the file is read (and the copy loaded) only when the copy is not loaded.</summary>
    private async Task<List<OutboxEntry>> HeadsAsync(CancellationToken cancellationToken)
    {
        if (_mirror.Heads() is { } heads)
        {
            return heads;
        }

        return await _database.ReadAsync(
            db =>
            {
                List<OutboxEntry>? pending = null;
                _mirror.LoadIfNeeded(() => pending = ReadPending(db));
                return _mirror.Heads() ?? HeadsOf(pending ?? ReadPending(db));
            },
            cancellationToken);
    }

    // Everything in the outbox is pending (delivered entries are deleted, dead letters moved), so a drain reads it all.
    private static List<OutboxEntry> ReadPending(LiteDatabase db) =>
        [.. db.GetCollection(LiteDbOutboxDocuments.OutboxCollection).FindAll()
            .Select(LiteDbOutboxDocuments.FromDocument)
            .Where(e => e.Status == OutboxStatus.Pending)];

    private static List<OutboxEntry> HeadsOf(List<OutboxEntry> pending) =>
        [.. pending.GroupBy(e => e.ConversationKey).Select(g => g.MinBy(e => e.Sequence)!)];

    /// <summary>Applies <paramref name="change"/> to the copy in memory once <paramref name="write"/> succeeded; after a
    /// failed write (its outcome unknown) the copy is dropped and loaded from the file again.</summary>
    private async Task<T> MirroredAsync<T>(Task<T> write, Action change)
    {
        try
        {
            var result = await write;
            change();
            return result;
        }
        catch
        {
            _mirror.Unload();
            throw;
        }
    }

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

    private Task<bool> UpdateAsync(string entryId, Func<OutboxEntry, OutboxEntry> change, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
                return collection.FindById(entryId) is { } doc
                    && collection.Update(LiteDbOutboxDocuments.ToDocument(change(LiteDbOutboxDocuments.FromDocument(doc))));
            },
            cancellationToken);
}
