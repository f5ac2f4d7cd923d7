using LiteDB;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Storage.LiteDb.Outbox;

/// <summary>The LiteDB layout of outbox entries, sequence counters (<c>_id</c> = conversation key, <c>last</c>,
/// <c>updated</c> in UTC ticks) and processed inbound ids.</summary>
/// <remarks>
/// Pending entries live in <see cref="OutboxCollection"/> and are deleted once delivered; dead letters move to
/// <see cref="DeadLetterCollection"/>. So the outbox holds only what is owed and the dispatcher reads all of it without
/// an index on status (an index costs every entry an index insert and delete; measured: about a tenth of a turn).
/// </remarks>
internal static class LiteDbOutboxDocuments
{
    public const string OutboxCollection = "outbox";
    public const string DeadLetterCollection = "outbox_dead";
    public const string SequenceCollection = "outbox_sequence";
    public const string InboundCollection = "inbound";

    public const string CounterUpdated = "updated";

    public static BsonDocument ToDocument(OutboxEntry entry) => new()
    {
        ["_id"] = entry.Id,
        ["conversation"] = entry.ConversationKey,
        ["sequence"] = entry.Sequence,
        ["channel"] = entry.ChannelId,
        ["activity"] = entry.ActivityJson,
        ["status"] = entry.Status.ToString(),
        ["attempts"] = entry.Attempts,
        ["due"] = entry.NextAttemptAt.UtcTicks,
        ["created"] = entry.CreatedAt.UtcTicks,
        ["error"] = entry.LastError is null ? BsonValue.Null : new BsonValue(entry.LastError),
    };

    public static OutboxEntry FromDocument(BsonDocument doc) => new(
        doc["_id"].AsString,
        doc["conversation"].AsString,
        doc["sequence"].AsInt64,
        doc["channel"].AsString,
        doc["activity"].AsString,
        Enum.Parse<OutboxStatus>(doc["status"].AsString),
        doc["attempts"].AsInt32,
        new DateTimeOffset(doc["due"].AsInt64, TimeSpan.Zero),
        new DateTimeOffset(doc["created"].AsInt64, TimeSpan.Zero),
        doc["error"].IsNull ? null : doc["error"].AsString);
}
