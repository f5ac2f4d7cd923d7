using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Storage;
using LiteDB;

namespace IntegrationBot.Dialogs.Privacy;

/// <summary>
/// Erasure, export and retention for the runtime's own LiteDB records: conversation and user state, outbox entries
/// (pending and dead letters) with their sequence counters, and processed inbound ids.
/// </summary>
/// <remarks>Reads the collections directly so it follows the layout of the state, turn and outbox stores without
/// widening their interfaces.</remarks>
public sealed class DialogsUserData(SharedLiteDatabase database, IEnumerable<IUserConversationDirectory> directories, TimeProvider time)
    : IUserDataEraser, IRetentionPurgeable
{
    private const string State = "state";
    private const string Outbox = "outbox";
    private const string Sequences = "outbox_sequence";
    private const string Inbound = "inbound";

    /// <summary>The export key; a caller running inside a turn (the flows' /delete) may skip this eraser and erase state itself,
    /// since deleting state under a running turn makes its commit lose the eTag race and rerun.</summary>
    public const string EraserName = "dialogs";

    public string Name => EraserName;

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(channelId, userId, cancellationToken);
        return await database.WriteAsync(db => Delete(db, person), cancellationToken);
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(channelId, userId, cancellationToken);
        return await database.ReadAsync(db => Export(db, person), cancellationToken);
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var ticks = cutoff.UtcTicks;
        return database.WriteAsync(
            db => db.GetCollection(Inbound).DeleteMany(LiteDbQueries.Less("at", ticks))
            // Conversation and user state can hold the last question asked; a conversation idle this long starts anew.
            + db.GetCollection(LiteDbDocuments.StateCollection).DeleteMany(LiteDbQueries.Less("updated", ticks))
            // Pending entries are still owed to someone; only finished ones (dead letters, kept delivered ones) expire.
            + db.GetCollection(Outbox).DeleteMany(BsonExpression.Create("$.status != @0 AND $.created < @1", nameof(OutboxStatus.Pending), ticks))
            // After the outbox, so a counter whose last entries just expired goes in the same sweep.
            + PurgeCounters(db, ticks, time.GetUtcNow().UtcTicks),
            cancellationToken);
    }

    /// <summary>
    /// A counter names its conversation (on Telegram and Viber the user's id). Once the conversation has sent nothing
    /// for the whole period and has no entry left, numbering can restart: the replies it numbered have expired too.
    /// </summary>
    private static int PurgeCounters(LiteDatabase db, long cutoff, long now)
    {
        var counters = db.GetCollection(Sequences);
        var withEntries = db.GetCollection(Outbox).FindAll().Select(d => d["conversation"].AsString).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var counter in counters.FindAll().ToList())
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

    private static int Delete(LiteDatabase db, Person person)
    {
        var removed = 0;
        var state = db.GetCollection(State);
        foreach (var key in person.StateKeys)
        {
            removed += state.Delete(key) ? 1 : 0;
        }

        var outbox = db.GetCollection(Outbox);
        foreach (var doc in outbox.FindAll().Where(person.OwnsOutboxEntry).ToList())
        {
            removed += outbox.Delete(doc["_id"]) ? 1 : 0;
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

    private static JsonObject Export(LiteDatabase db, Person person)
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
        foreach (var doc in db.GetCollection(Outbox).FindAll().Where(person.OwnsOutboxEntry))
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

    private async Task<Person> PersonAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        // On Telegram and Viber a private chat's id is the user's id; other channels say which conversations are theirs.
        var conversations = new HashSet<string>(StringComparer.Ordinal) { userId };
        foreach (var directory in directories.Where(d => d.ChannelId == channelId))
        {
            conversations.UnionWith(await directory.ConversationIdsOfAsync(userId, cancellationToken));
        }

        return new Person(channelId, userId, conversations);
    }

    private sealed record Person(string ChannelId, string UserId, IReadOnlySet<string> ConversationIds)
    {
        public IEnumerable<string> ConversationKeys => ConversationIds.Select(c => $"{ChannelId}/conversations/{c}");

        public IEnumerable<string> StateKeys => ConversationKeys.Append($"{ChannelId}/users/{UserId}");

        public bool OwnsOutboxEntry(BsonDocument doc)
        {
            if (ConversationKeys.Contains(doc["conversation"].AsString, StringComparer.Ordinal))
            {
                return true;
            }

            var activity = ActivityJson.Deserialize(doc["activity"].AsString);
            return activity?.ChannelId == ChannelId && activity.Recipient?.Id == UserId;
        }

        /// <summary>Inbound keys are <c>{channel}|{activity id}</c>; an activity id that starts with the conversation
        /// id (web chat's <c>{conversation}|{seq}</c>) or the user id identifies the person.</summary>
        public bool OwnsInboundKey(string key)
        {
            var prefix = ChannelId + "|";
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }

            var activityId = key[prefix.Length..];
            return ConversationIds.Any(c => activityId.StartsWith(c, StringComparison.Ordinal)
                && (activityId.Length == c.Length || !char.IsLetterOrDigit(activityId[c.Length])));
        }
    }
}
