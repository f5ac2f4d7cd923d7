using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.DirectLine;

/// <summary>The web chat log in the process's LiteDB file: one document per conversation, one per activity.</summary>
public sealed class LiteDbDirectLineStore : IDirectLineStore
{
    private const string Conversations = "directline_conversations";
    private const string Activities = "directline_activities";
    private readonly SharedLiteDatabase _db;
    private readonly TimeProvider _time;

    public LiteDbDirectLineStore(SharedLiteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        // The names and expressions the typed mapper gave these indexes, so files written before find them unchanged.
        db.Setup(database =>
        {
            var log = database.GetCollection(Activities);
            log.EnsureIndex("ConversationId");
            log.EnsureIndex("DedupeKey");
            // Only the daily retention purge reads by time, and it scans; an index would cost every appended activity
            // an extra index insert. Files written before had it.
            log.DropIndex("StoredAt");
        });
    }

    public Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken) =>
        _db.WriteAsync(
            db =>
            {
                var conversations = db.GetCollection(Conversations);
                if (conversations.FindById(conversationId) is not null)
                {
                    return false;
                }

                var conversation = new BsonDocument { ["_id"] = conversationId, ["UserId"] = userId, ["LastSeq"] = 0L, ["CreatedAt"] = _time.GetUtcNow().UtcDateTime };
                if (locale is not null)
                {
                    conversation["Locale"] = locale;
                }

                conversations.Insert(conversation);
                return true;
            },
            cancellationToken);

    public Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        _db.ReadAsync(db => db.GetCollection(Conversations).FindById(conversationId) is not null, cancellationToken);

    public Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken) =>
        _db.ReadAsync(db => db.GetCollection(Conversations).FindById(conversationId) is { } conversation && conversation["Locale"].IsString ? conversation["Locale"].AsString : null, cancellationToken);

    /// <summary>Completes once the activity is durable: a user's message is acknowledged, and a reply counts as
    /// delivered, only when it would survive a power loss.</summary>
    public Task<AppendedActivity> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken) =>
        _db.WriteAsync(
            db =>
            {
                // Plain documents with the field names the typed mapper used to write: the same file format, without
                // a mapper round trip or a LINQ translation on every append.
                var log = db.GetCollection(Activities);
                if (dedupeKey is not null && FindByDedupeKey(log, conversationId, dedupeKey) is { } seen)
                {
                    return new AppendedActivity(ActivityJson.Deserialize(seen["Json"].AsString)!, seen["Seq"].AsInt64, IsNew: false);
                }

                var now = _time.GetUtcNow();
                var conversations = db.GetCollection(Conversations);
                var conversation = conversations.FindById(conversationId);
                var seq = (conversation?["LastSeq"].AsInt64 ?? 0L) + 1;
                if (conversation is null)
                {
                    conversations.Insert(new BsonDocument { ["_id"] = conversationId, ["UserId"] = "", ["LastSeq"] = seq, ["CreatedAt"] = now.UtcDateTime });
                }
                else
                {
                    conversation["LastSeq"] = seq;
                    conversations.Update(conversation);
                }

                var stored = activity with
                {
                    Id = $"{conversationId}|{seq:D7}",
                    Timestamp = activity.Timestamp ?? now,
                    Conversation = new ConversationAccount(conversationId),
                };
                var document = new BsonDocument
                {
                    ["_id"] = stored.Id!,
                    ["ConversationId"] = conversationId,
                    ["Seq"] = seq,
                    ["StoredAt"] = now.UtcDateTime,
                    ["Json"] = ActivityJson.Serialize(stored),
                };
                if (dedupeKey is not null)
                {
                    document["DedupeKey"] = dedupeKey;
                }

                log.Insert(document);
                return new AppendedActivity(stored, seq, IsNew: true);
            },
            cancellationToken);

    public async Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var after = watermark ?? 0;
        var docs = await _db.ReadAsync(
            db => db.GetCollection(Activities)
                .Find(BsonExpression.Create("$.ConversationId = @0 AND $.Seq > @1", conversationId, after))
                .OrderBy(d => d["Seq"].AsInt64)
                .ToList(),
            cancellationToken);
        var last = docs.Count > 0 ? docs[^1]["Seq"].AsInt64 : after;
        return new ActivityPage([.. docs.Select(d => ActivityJson.Deserialize(d["Json"].AsString)!)], last);
    }

    public Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        _db.WriteAsync(
            db =>
            {
                db.GetCollection(Activities).DeleteMany(LiteDbQueries.Equal("ConversationId", conversationId));
                return db.GetCollection(Conversations).Delete(conversationId);
            },
            cancellationToken);

    public Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken) =>
        _db.WriteAsync(db => db.GetCollection(Activities).DeleteMany(LiteDbQueries.Equal("ConversationId", conversationId)), cancellationToken);

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var limit = cutoff.UtcDateTime;
        // A batch per transaction: the scan in one kept LiteDB's page cache as large as the log (LiteDbBatchedScan).
        return LiteDbBatchedScan.DeleteAsync(_db, Activities, LiteDbBatchedScan.Before("StoredAt", limit), cancellationToken);
    }

    /// <summary>Through the dedupe key's index alone (keys are nearly unique; the conversation's index could hold
    /// thousands); the parameterized expression is parsed and compiled once per process, not per call.</summary>
    private static BsonDocument? FindByDedupeKey(ILiteCollection<BsonDocument> log, string conversationId, string dedupeKey) =>
        log.Find(LiteDbQueries.Equal("DedupeKey", dedupeKey)).FirstOrDefault(d => d["ConversationId"].AsString == conversationId);
}
