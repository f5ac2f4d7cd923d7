using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Storage.LiteDb.Privacy;

/// <summary>
/// Erasure, export and retention for the runtime's own LiteDB records: conversation and user state, outbox entries
/// (pending and dead letters) with their sequence counters, and processed inbound ids.
/// </summary>
/// <remarks>Reads the collections directly so it follows the layout of the state, turn and outbox stores without
/// widening their interfaces.</remarks>
public sealed class DialogsUserData(SharedLiteDatabase database, IEnumerable<IUserConversationDirectory> directories, TimeProvider time)
    : IUserDataEraser, IRetentionPurgeable
{
    private const string State = LiteDbDocuments.StateCollection;
    private const string Sequences = LiteDbOutboxDocuments.SequenceCollection;
    private const string Inbound = LiteDbOutboxDocuments.InboundCollection;

    // Pending entries and dead letters: both are the person's and both go on erasure.
    private static readonly string[] OutboxCollections = [LiteDbOutboxDocuments.OutboxCollection, LiteDbOutboxDocuments.DeadLetterCollection];

    /// <summary>The export key; a caller running inside a turn (the flows' /delete) may skip this eraser and erase state itself,
    /// since deleting state under a running turn makes its commit lose the eTag race and rerun.</summary>
    public const string EraserName = ErasureSubject.RuntimeEraserName;

    public string Name => EraserName;

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var person = await ErasureSubject.FindAsync(channelId, userId, directories, cancellationToken);
        try
        {
            return await database.WriteAsync(
                db =>
                {
                    // Inside the transaction: the facts are the writer's, and no commit may check against them after this.
                    LiteDbHotState.For(database).Facts.Forget();
                    return Delete(db, person);
                },
                cancellationToken);
        }
        finally
        {
            // Erasure reaches memory too: the copies of state and outbox are read from the file again.
            LiteDbHotState.For(database).Forget();
        }
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var person = await ErasureSubject.FindAsync(channelId, userId, directories, cancellationToken);
        return await database.ReadAsync(db => Export(db, person), cancellationToken);
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        try
        {
            return await PurgeFileAsync(cutoff.UtcTicks, cancellationToken);
        }
        finally
        {
            LiteDbHotState.For(database).Forget();
        }
    }

    /// <summary>
    /// A batch per transaction (<see cref="LiteDbBatchedScan"/>): no time field has an index, so the purge reads every
    /// record, and in one transaction that left LiteDB's page cache as large as the file for the host's whole life.
    /// </summary>
    private async Task<int> PurgeFileAsync(long ticks, CancellationToken cancellationToken)
    {
        // The facts are the writer's (forgotten inside a transaction, so no commit checks against them after it). Only
        // records older than the cutoff are deleted below, and a fact recorded after this point is of a record written
        // now, so forgetting once before the batches is enough.
        await database.WriteAsync(
            _ =>
            {
                LiteDbHotState.For(database).Facts.Forget();
                return 0;
            },
            cancellationToken);
        var removed = await LiteDbBatchedScan.DeleteAsync(database, Inbound, LiteDbBatchedScan.Before("at", ticks), cancellationToken);
        // Conversation and user state can hold the last question asked; a conversation idle this long starts anew.
        removed += await LiteDbBatchedScan.DeleteAsync(database, State, LiteDbBatchedScan.Before("updated", ticks), cancellationToken);
        // Pending entries are still owed to someone; only finished ones (dead letters) expire.
        var created = LiteDbBatchedScan.Before("created", ticks);
        foreach (var name in OutboxCollections)
        {
            removed += await LiteDbBatchedScan.DeleteAsync(database, name, d => d["status"] != nameof(OutboxStatus.Pending) && created(d), cancellationToken);
        }

        // After the outbox, so a counter whose last entries just expired goes in the same sweep.
        var withEntries = await database.ReadAsync(
            db => OutboxCollections.SelectMany(name => db.GetCollection(name).FindAll()).Select(d => d["conversation"].AsString).ToHashSet(StringComparer.Ordinal),
            cancellationToken);
        var now = time.GetUtcNow().UtcTicks;
        return removed + await LiteDbBatchedScan.ForEachBatchAsync(database, Sequences, (db, batch) => PurgeCounters(db.GetCollection(Sequences), batch, withEntries, ticks, now), cancellationToken);
    }

    /// <summary>
    /// A counter names its conversation (on Telegram and Viber the user's id). Once the conversation has sent nothing
    /// for the whole period and has no entry left, numbering can restart: the replies it numbered have expired too.
    /// </summary>
    /// <remarks>An entry written after <paramref name="withEntries"/> was read comes with its counter's time in the
    /// same transaction, so its counter is read here as recent.</remarks>
    private static int PurgeCounters(ILiteCollection<BsonDocument> counters, IReadOnlyList<BsonDocument> batch, HashSet<string> withEntries, long cutoff, long now)
    {
        var removed = 0;
        foreach (var counter in batch)
        {
            if (!counter.TryGetValue(LiteDbOutboxDocuments.CounterUpdated, out var updated))
            {
                // Written before counters carried a time: it counts as written now, as the PostgreSQL migration does.
                counter[LiteDbOutboxDocuments.CounterUpdated] = now;
                counters.Update(counter);
            }
            else if (updated.AsInt64 < cutoff && !withEntries.Contains(counter["_id"].AsString))
            {
                removed += counters.Delete(counter["_id"]) ? 1 : 0;
            }
        }

        return removed;
    }

    private static int Delete(LiteDatabase db, ErasureSubject person)
    {
        var removed = 0;
        var state = db.GetCollection(State);
        foreach (var key in person.StateKeys)
        {
            removed += state.Delete(key) ? 1 : 0;
        }

        foreach (var outbox in OutboxCollections.Select(name => db.GetCollection(name)))
        {
            foreach (var doc in outbox.FindAll().Where(entry => person.OwnsOutboxEntry(entry["conversation"].AsString, entry["activity"].AsString)).ToList())
            {
                removed += outbox.Delete(doc["_id"]) ? 1 : 0;
            }
        }

        var sequences = db.GetCollection(Sequences);
        foreach (var key in person.ConversationKeys)
        {
            removed += sequences.Delete(key) ? 1 : 0;
        }

        var inbound = db.GetCollection(Inbound);
        foreach (var id in inbound.FindAll().Select(d => d["_id"].AsString).Where(person.OwnsInboundKey).ToList())
        {
            removed += inbound.Delete(id) ? 1 : 0;
        }

        return removed;
    }

    private static JsonObject Export(LiteDatabase db, ErasureSubject person)
    {
        var state = new JsonObject();
        foreach (var key in person.StateKeys)
        {
            if (db.GetCollection(State).FindById(key) is { } doc)
            {
                state[key] = JsonNode.Parse(doc["json"].AsString);
            }
        }

        var outbox = new JsonArray();
        foreach (var doc in OutboxCollections.SelectMany(name => db.GetCollection(name).FindAll()).Where(entry => person.OwnsOutboxEntry(entry["conversation"].AsString, entry["activity"].AsString)))
        {
            outbox.Add(new JsonObject
            {
                ["status"] = doc["status"].AsString,
                ["activity"] = JsonNode.Parse(doc["activity"].AsString),
            });
        }

        var inbound = db.GetCollection(Inbound).FindAll().Select(d => d["_id"].AsString).Count(person.OwnsInboundKey);
        return new JsonObject { ["state"] = state, ["outbox"] = outbox, ["processedMessageIds"] = inbound };
    }
}
