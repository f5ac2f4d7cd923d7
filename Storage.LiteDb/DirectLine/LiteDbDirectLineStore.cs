using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Storage.LiteDb.DirectLine;

/// <summary>The web chat log in the process's LiteDB file: one document per conversation, one per activity, whose
/// <c>_id</c> (<c>conversation|seq</c>, as every layout had it) makes a conversation's lines one range of the primary key.</summary>
public sealed class LiteDbDirectLineStore : IDirectLineStore
{
    private const string Conversations = "directline_conversations";
    private const string Activities = "directline_activities";
    private readonly SharedLiteDatabase _db;
    private readonly TimeProvider _time;
    private readonly CommittedWebChatLines _lines;
    private readonly LiteDbWebChatSequences _sequences;

    public LiteDbDirectLineStore(SharedLiteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        _lines = LiteDbHotState.For(db).WebChatLines;
        _sequences = LiteDbHotState.For(db).WebChatSequences;
        // The names and expressions the typed mapper gave these indexes, so files written before find them unchanged.
        db.Setup(database =>
        {
            var log = database.GetCollection(Activities);
            log.EnsureIndex("DedupeKey");
            // Only the daily retention purge reads by time, and it scans; an index would cost every appended activity
            // an extra index insert. A conversation's lines are found through the primary key; an index on the
            // conversation, whose key repeats for every line, cost each append the most of its index work. Files
            // written before had both.
            log.DropIndex("StoredAt");
            log.DropIndex("ConversationId");
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

                _sequences.Created(conversationId);
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
        _db.ReadDocumentsAsync(Conversations, [conversationId], db => db.GetCollection(Conversations).FindById(conversationId) is not null, cancellationToken);

    public Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken) =>
        _db.ReadDocumentsAsync(Conversations, [conversationId], db => db.GetCollection(Conversations).FindById(conversationId) is { } conversation && conversation["Locale"].IsString ? conversation["Locale"].AsString : null, cancellationToken);

    /// <summary>Completes once the activity is durable: a user's message is acknowledged, and a reply counts as
    /// delivered, only when it would survive a power loss. A reply whose line its turn's commit wrote
    /// (<see cref="AppendReplies"/>) is handed back from memory as appended now, once: its delivery announces it.</summary>
    public Task<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        if (dedupeKey is not null && _lines.TryTake(conversationId, dedupeKey, out var committed))
        {
            return Task.FromResult<AppendedActivity?>(committed);
        }

        return _db.WriteAsync(db => Append(db, _sequences, conversationId, activity, dedupeKey, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// The user's message gets its place in the log now, in memory (<see cref="LiteDbWebChatSequences"/>), and its line is
    /// written in the transaction of the turn it starts (<see cref="SharedLiteDatabase.JoinTurn{T}"/>), so a web chat
    /// turn is one transaction. <see cref="TurnEcho.Durable"/> completes once that commit is durable; a turn that fails
    /// before its commit leaves the line to be written on its own a moment later. A resend (same key) gets the same
    /// line, pending or in the file, and writes nothing.
    /// </summary>
    public async Task<TurnEcho?> AppendBeforeTurnAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Every message with a clientActivityID asks the file whether it was written before (a resend): a small read
        // that must see the turns just journaled, without forcing LiteDB's commit for them.
        var reservation = await _db.ReadCurrentAsync(
            db => _sequences.Reserve(
                conversationId,
                dedupeKey,
                () => db.GetCollection(Conversations).FindById(conversationId)?["LastSeq"].AsInt64,
                () => FindByDedupeKey(db.GetCollection(Activities), conversationId, dedupeKey!) is { } seen ? Seen(seen) : null,
                seq => new AppendedActivity(Stored(activity, conversationId, seq, now), seq, IsNew: true)),
            cancellationToken);
        if (reservation is null)
        {
            return null;
        }

        if (reservation.IsNew)
        {
            var line = reservation.Line;
            var joined = _db.JoinTurn(
                ConversationState.KeyFor(DirectLineInbox.ChannelId, conversationId),
                db => WriteEcho(db, _sequences, conversationId, line, dedupeKey, now));
            _ = SettleAsync(conversationId, reservation, joined);
        }

        return new TurnEcho(reservation.Line with { IsNew = reservation.IsNew }, DurableAsync(reservation));
    }

    private async Task SettleAsync(string conversationId, LiteDbWebChatSequences.Reservation reservation, Task<bool> joined)
    {
        try
        {
            // Not written (erased in its own turn): handed back as already known, so no tail shows it.
            var written = await joined.ConfigureAwait(false);
            reservation.Written.TrySetResult(written ? reservation.Line : reservation.Line with { IsNew = false });
        }
        catch (Exception e)
        {
            reservation.Written.TrySetException(e);
        }
        finally
        {
            _sequences.Settled(conversationId, reservation);
        }
    }

    private async Task<AppendedActivity> DurableAsync(LiteDbWebChatSequences.Reservation reservation)
    {
        var line = await reservation.Written.Task.ConfigureAwait(false);
        if (_db.Sync is { } sync)
        {
            await sync.WhenDurableAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return line with { IsNew = reservation.IsNew && line.IsNew };
    }

    /// <summary>A turn's web chat replies shaped as <see cref="DirectLineSender"/> shapes them (<see cref="DirectLineReply.ShapeTurn"/>),
    /// before the turn's transaction, so the writer thread does not convert their text; empty when the turn has none.</summary>
    internal static List<Activity> ShapeReplies(IReadOnlyList<Activity> outgoing, DateTimeOffset now) => DirectLineReply.ShapeTurn(outgoing, now);

    /// <summary>
    /// Writes the log lines of a turn's web chat replies (<see cref="ShapeReplies"/>) inside the turn's transaction
    /// (<paramref name="db"/>), keyed as <see cref="DirectLineSender"/> appends them at delivery, so that delivery finds
    /// each instead of appending it again. A conversation that is gone (erased) gets none: its delivery then fails as it
    /// would have.
    /// </summary>
    /// <remarks>
    /// Without the lookup by dedupe key that <see cref="AppendAsync"/> makes (issue 19: an index query per reply): a
    /// reply's key is its id, made at random when its turn sent it (<c>ReplyIds</c>), and its line is written only here or
    /// at its delivery, which comes after this commit; a turn that runs again sends new ids. The conversation's document
    /// is read and updated once for all of them, and the lines go in one insert.
    /// </remarks>
    internal static List<CommittedWebChatLine> AppendReplies(LiteDatabase db, LiteDbWebChatSequences sequences, List<Activity> shaped, DateTimeOffset now)
    {
        List<CommittedWebChatLine> lines = [];
        var conversations = db.GetCollection(Conversations);
        foreach (var replies in shaped.GroupBy(reply => reply.Conversation!.Id, StringComparer.Ordinal))
        {
            var conversationId = replies.Key;
            if (conversations.FindById(conversationId) is not { } conversation)
            {
                continue;
            }

            var documents = new List<BsonDocument>();
            foreach (var reply in replies)
            {
                var dedupeKey = DirectLineReply.DedupeKey(reply)!;
                // After the file's last number and after every number handed out to a user's message not yet written.
                var seq = sequences.Next(conversationId, conversation["LastSeq"].AsInt64);
                var stored = Stored(reply, conversationId, seq, now);
                conversation["LastSeq"] = seq;
                documents.Add(LineDocument(conversationId, stored, seq, dedupeKey, now));
                lines.Add(new CommittedWebChatLine(conversationId, dedupeKey, new AppendedActivity(stored, seq, IsNew: true)));
            }

            conversations.Update(conversation);
            db.GetCollection(Activities).Insert(documents);
        }

        return lines;
    }

    /// <summary>Appends into a conversation that exists; <c>null</c> when it does not (erased): an append never creates one.</summary>
    private static AppendedActivity? Append(LiteDatabase db, LiteDbWebChatSequences sequences, string conversationId, Activity activity, string? dedupeKey, DateTimeOffset now)
    {
        // Plain documents with the field names the typed mapper used to write: the same file format, without
        // a mapper round trip or a LINQ translation on every append.
        if (dedupeKey is not null && FindByDedupeKey(db.GetCollection(Activities), conversationId, dedupeKey) is { } seen)
        {
            return Seen(seen);
        }

        if (db.GetCollection(Conversations).FindById(conversationId) is not { } conversation)
        {
            return null;
        }

        // After the file's last number and after every number handed out to a user's message not yet written.
        var seq = sequences.Next(conversationId, conversation["LastSeq"].AsInt64);
        var stored = Stored(activity, conversationId, seq, now);
        Write(db, conversation, conversationId, stored, seq, dedupeKey, now);
        return new AppendedActivity(stored, seq, IsNew: true);
    }

    /// <summary>The user's message's line, unless the person erased the conversation (or its activities) after it was
    /// numbered, in the very turn it started (e.g. "yes, delete"): the erasure reaches it too.</summary>
    private static bool WriteEcho(LiteDatabase db, LiteDbWebChatSequences sequences, string conversationId, AppendedActivity line, string? dedupeKey, DateTimeOffset now)
    {
        switch (sequences.Erasure(conversationId, line.Watermark))
        {
            case LiteDbWebChatSequences.LineErasure.Deleted:
                return false;
            case LiteDbWebChatSequences.LineErasure.Cleared:
                // Only its number stays, so it is never handed out again after a restart (it was the turn's inbound id).
                var conversations = db.GetCollection(Conversations);
                if (conversations.FindById(conversationId) is { } conversation && conversation["LastSeq"].AsInt64 < line.Watermark)
                {
                    conversation["LastSeq"] = line.Watermark;
                    conversations.Update(conversation);
                }

                return false;
            default:
                // Gone without this process erasing it after the number was given (never the case today): not brought back.
                return db.GetCollection(Conversations).FindById(conversationId) is { } existing
                    && Write(db, existing, conversationId, line.Activity, line.Watermark, dedupeKey, now);
        }
    }

    private static AppendedActivity Seen(BsonDocument seen) =>
        new(ActivityJson.Deserialize(seen["Json"].AsString)!, seen["Seq"].AsInt64, IsNew: false);

    private static Activity Stored(Activity activity, string conversationId, long seq, DateTimeOffset now) => activity with
    {
        Id = $"{conversationId}|{seq:D7}",
        Timestamp = activity.Timestamp ?? now,
        Conversation = new ConversationAccount(conversationId),
    };

    /// <summary>Writes a numbered line into an existing conversation; its last number never goes down (a user's message
    /// numbered before the turn can be written after a later one).</summary>
    private static bool Write(LiteDatabase db, BsonDocument conversation, string conversationId, Activity stored, long seq, string? dedupeKey, DateTimeOffset now)
    {
        if (conversation["LastSeq"].AsInt64 < seq)
        {
            conversation["LastSeq"] = seq;
            db.GetCollection(Conversations).Update(conversation);
        }

        db.GetCollection(Activities).Insert(LineDocument(conversationId, stored, seq, dedupeKey, now));
        return true;
    }

    private static BsonDocument LineDocument(string conversationId, Activity stored, long seq, string? dedupeKey, DateTimeOffset now)
    {
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

        return document;
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var after = watermark ?? 0;
        // Not past a user's message numbered and not yet written: the reader would never come back for it.
        var limit = _sequences.ReadLimit(conversationId);
        // One conversation's lines (a page opening its stream, a poll the memory tail cannot answer): read where the
        // turns just journaled are, without forcing LiteDB's commit for every new conversation.
        var docs = await _db.ReadCurrentAsync(
            db => db.GetCollection(Activities)
                .Find(BsonExpression.Create("$._id LIKE @0 AND $.ConversationId = @1 AND $.Seq > @2 AND $.Seq <= @3", LinesOf(conversationId), conversationId, after, limit))
                .OrderBy(d => d["Seq"].AsInt64)
                .ToList(),
            cancellationToken);
        var last = docs.Count > 0 ? docs[^1]["Seq"].AsInt64 : after;
        return new ActivityPage([.. docs.Select(d => ActivityJson.Deserialize(d["Json"].AsString)!)], last);
    }

    public async Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        // Lines committed with a turn and not yet delivered are erased with the rest: their delivery must not show them.
        // A user's message numbered and not yet written never will be.
        _sequences.Erasing(conversationId, deleted: true);
        _lines.Forget(conversationId);
        await _db.WriteAsync(
            db =>
            {
                db.GetCollection(Activities).DeleteMany(LinesOfConversation(conversationId));
                return db.GetCollection(Conversations).Delete(conversationId);
            },
            cancellationToken);
        _lines.Forget(conversationId);
    }

    public async Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken)
    {
        _sequences.Erasing(conversationId, deleted: false);
        _lines.Forget(conversationId);
        var cleared = await _db.WriteAsync(db => db.GetCollection(Activities).DeleteMany(LinesOfConversation(conversationId)), cancellationToken);
        _lines.Forget(conversationId);
        return cleared;
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var limit = cutoff.UtcDateTime;
        // A batch per transaction: the scan in one kept LiteDB's page cache as large as the log (LiteDbBatchedScan).
        return LiteDbBatchedScan.DeleteAsync(_db, Activities, LiteDbBatchedScan.Before("StoredAt", limit), cancellationToken);
    }

    /// <summary>The beginning of the keys of a conversation's lines, as a LIKE pattern for the primary key's index (a
    /// <c>%</c> or <c>_</c> in the id matches more: the conversation field decides).</summary>
    private static string LinesOf(string conversationId) => conversationId + "|%";

    /// <summary>A conversation's lines, found through the primary key.</summary>
    internal static BsonExpression LinesOfConversation(string conversationId) =>
        BsonExpression.Create("$._id LIKE @0 AND $.ConversationId = @1", LinesOf(conversationId), conversationId);

    /// <summary>Through the dedupe key's index alone (keys are nearly unique; the conversation's index could hold
    /// thousands); the parameterized expression is parsed and compiled once per process, not per call.</summary>
    private static BsonDocument? FindByDedupeKey(ILiteCollection<BsonDocument> log, string conversationId, string dedupeKey) =>
        log.Find(LiteDbQueries.Equal("DedupeKey", dedupeKey)).FirstOrDefault(d => d["ConversationId"].AsString == conversationId);
}
