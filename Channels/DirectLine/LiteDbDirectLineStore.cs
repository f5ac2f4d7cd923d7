using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;
using LiteDB;

namespace IntegrationBot.Channels.DirectLine;

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
        var log = db.Database.GetCollection<ActivityDocument>(Activities);
        log.EnsureIndex(a => a.ConversationId);
        log.EnsureIndex(a => a.DedupeKey);
        log.EnsureIndex(a => a.StoredAt);
    }

    public Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken) =>
        Task.FromResult(_db.WriteInTransaction(db =>
        {
            var conversations = db.GetCollection<ConversationDocument>(Conversations);
            if (conversations.FindById(conversationId) is not null)
            {
                return false;
            }

            conversations.Insert(new ConversationDocument { Id = conversationId, UserId = userId, Locale = locale, CreatedAt = _time.GetUtcNow().UtcDateTime });
            return true;
        }));

    public Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_db.Read(db => db.GetCollection<ConversationDocument>(Conversations).FindById(conversationId)) is not null);

    public Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_db.Read(db => db.GetCollection<ConversationDocument>(Conversations).FindById(conversationId))?.Locale);

    public Task<AppendedActivity> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken) =>
        Task.FromResult(_db.WriteInTransaction(db =>
        {
            var log = db.GetCollection<ActivityDocument>(Activities);
            if (dedupeKey is not null && log.FindOne(a => a.DedupeKey == dedupeKey && a.ConversationId == conversationId) is { } seen)
            {
                return new AppendedActivity(ActivityJson.Deserialize(seen.Json)!, seen.Seq, IsNew: false);
            }

            var conversations = db.GetCollection<ConversationDocument>(Conversations);
            var conversation = conversations.FindById(conversationId)
                ?? new ConversationDocument { Id = conversationId, UserId = "", CreatedAt = _time.GetUtcNow().UtcDateTime };
            conversation.LastSeq++;
            conversations.Upsert(conversation);

            var stored = activity with
            {
                Id = $"{conversationId}|{conversation.LastSeq:D7}",
                Timestamp = activity.Timestamp ?? _time.GetUtcNow(),
                Conversation = new ConversationAccount(conversationId),
            };
            log.Insert(new ActivityDocument
            {
                Id = stored.Id!,
                ConversationId = conversationId,
                Seq = conversation.LastSeq,
                DedupeKey = dedupeKey,
                StoredAt = _time.GetUtcNow().UtcDateTime,
                Json = ActivityJson.Serialize(stored),
            });
            return new AppendedActivity(stored, conversation.LastSeq, IsNew: true);
        }));

    public Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var after = watermark ?? 0;
        var docs = _db.Read(db => db.GetCollection<ActivityDocument>(Activities)
            .Find(a => a.ConversationId == conversationId && a.Seq > after)
            .OrderBy(a => a.Seq)
            .ToList());
        var last = docs.Count > 0 ? docs[^1].Seq : after;
        return Task.FromResult(new ActivityPage([.. docs.Select(d => ActivityJson.Deserialize(d.Json)!)], last));
    }

    public Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        _db.WriteInTransaction(db =>
        {
            db.GetCollection<ActivityDocument>(Activities).DeleteMany(a => a.ConversationId == conversationId);
            return db.GetCollection<ConversationDocument>(Conversations).Delete(conversationId);
        });
        return Task.CompletedTask;
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var limit = cutoff.UtcDateTime;
        return Task.FromResult(_db.WriteInTransaction(db =>
            db.GetCollection<ActivityDocument>(Activities).DeleteMany(a => a.StoredAt < limit)));
    }

    private sealed class ConversationDocument
    {
        public string Id { get; set; } = "";
        public string UserId { get; set; } = "";
        public string? Locale { get; set; }
        public long LastSeq { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    private sealed class ActivityDocument
    {
        public string Id { get; set; } = "";
        public string ConversationId { get; set; } = "";
        public long Seq { get; set; }
        public string? DedupeKey { get; set; }
        public DateTime StoredAt { get; set; }
        public string Json { get; set; } = "";
    }
}
