using JsonSerializer = System.Text.Json.JsonSerializer;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>
/// Transcripts in the shared LiteDB file (collection handoff_transcripts). A turn's lines are one document whose
/// <c>_id</c> starts with its conversation (<c>channel|conversation|</c>), then the activity and <c>|turn</c>
/// (<see cref="TranscriptDocuments"/>): writing the turn again meets the first write on the primary key, and a
/// conversation's lines are one range of the primary key, so no second index costs each write an insert. Each line keeps
/// its own key and field <c>order</c> (an ObjectId taken when it was made), which keeps lines with equal timestamps in
/// write order. Files of earlier layouts (a document per line; ObjectId ids, a <c>line</c> or a <c>conversation</c>
/// index) are read as they are, and the oldest converted once when the store opens.
/// </summary>
public sealed class LiteDbTranscriptStore : ITranscriptStore
{
    private const string Collection = "handoff_transcripts";
    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _messages;

    public LiteDbTranscriptStore(SharedLiteDatabase database)
    {
        _database = database;
        _messages = database.Database.GetCollection(Collection);
        database.Setup(db =>
        {
            // Every index costs each of a turn's lines an insert into it (measured: about a third of a turn's transcript
            // write per index; the conversation index, whose key repeats for every line of a conversation, 50 KB of
            // allocations per turn). Erasure and export (by user) and the daily retention purge (by time) are rare and
            // scan the collection instead; files written before had these indexes, which go here.
            _messages.DropIndex("user");
            _messages.DropIndex("at");
            ConvertEarlierLayout(db);
            KeyByConversation(db);
        });
    }

    public string Name => "transcripts";

    public Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken) =>
        AppendManyAsync([message], cancellationToken);

    /// <summary>All lines in one transaction, in order.</summary>
    public Task AppendManyAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken) =>
        Append(messages, waitForDisk: true, cancellationToken);

    /// <summary>
    /// Written in the transaction of the turn's commit, which comes next (<see cref="SharedLiteDatabase.JoinTurn{T}"/>): the
    /// lines and the turn's state, inbound id and replies are one transaction and one disk sync. Returns at once. A turn
    /// that fails before its commit leaves the lines to be written on their own a moment later; a rerun of the turn
    /// writes them again (lines are keyed, so never twice).
    /// </summary>
    /// <remarks>
    /// Inserted without the duplicate check's query (issue 19: a query per turn): a turn's lines are almost always new. When
    /// one is not (the turn ran before: a lost eTag race, a redelivery after a failed turn), its insert fails on the key,
    /// the writer rolls the transaction back and commits the turn without the lines, and the lines go again on their own,
    /// with the check (<c>TurnTransactionTests</c>).
    /// </remarks>
    public Task AppendBeforeCommitAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count > 0 && messages.All(m => m.ChannelId == messages[0].ChannelId && m.ConversationId == messages[0].ConversationId))
        {
            var joined = _database.JoinTurn(ConversationState.KeyFor(messages[0].ChannelId, messages[0].ConversationId), WriteOf(messages, checkWritten: false));
            _ = joined.ContinueWith(
                _ => Append(messages, waitForDisk: false, CancellationToken.None),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return Task.CompletedTask;
        }

        return Append(messages, waitForDisk: false, cancellationToken);
    }

    private Task Append(IReadOnlyList<TranscriptMessage> messages, bool waitForDisk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        var write = WriteOf(messages, checkWritten: true);
        return waitForDisk ? _database.WriteAsync(write, cancellationToken) : _database.WriteWithoutWaitingForDiskAsync(write, cancellationToken);
    }

    /// <param name="checkWritten">Skip lines already in the file (one query per document); without it a turn written
    /// before fails the write on its key, and the transaction is rolled back.</param>
    private Func<LiteDatabase, bool> WriteOf(IReadOnlyList<TranscriptMessage> messages, bool checkWritten)
    {
        // Documents are built before taking the write gate: JSON serialization need not hold up other writers.
        var documents = TranscriptDocuments.Group(messages);
        return _ =>
        {
            foreach (var written in documents)
            {
                if (!checkWritten)
                {
                    _messages.Insert(written.Document);
                    continue;
                }

                // Insert what is absent: an earlier run of the same turn (or an earlier write of it, before a handoff)
                // wrote some lines already, in this document or, in files of the one-line layout, each on its own.
                var keys = new BsonArray(written.Lines.Select(l => l["_id"]).Where(id => !id.IsObjectId).Append(written.Key).Distinct());
                var found = _messages.Find(LiteDbQueries.In("_id", keys)).ToList();
                var stored = found.SelectMany(TranscriptDocuments.LinesOf).Select(l => l["_id"]).ToHashSet();
                // Added as stored, so a line repeated within the same call goes in once too.
                var fresh = written.Lines.Where(l => stored.Add(l["_id"])).ToList();
                if (fresh.Count == 0)
                {
                    continue;
                }

                if (written.Bundle is null)
                {
                    _messages.Insert(fresh[0]);
                }
                else if (found.Find(d => d["_id"] == written.Key) is { } bundle)
                {
                    _messages.Update(TranscriptDocuments.Extend(bundle, fresh));
                }
                else
                {
                    _messages.Insert(TranscriptDocuments.Only(written, fresh));
                }
            }

            return true;
        };
    }

    public Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken)
    {
        var conversation = TranscriptDocuments.ConversationOf(channelId, conversationId);
        return _database.ReadAsync<IReadOnlyList<TranscriptMessage>>(
            _ =>
            [
                // The range of the primary key; the field check drops what a wildcard in the id or a longer conversation
                // id with the same beginning ("a|b" and "a|b|c") let in.
                .. _messages.Find(LiteDbQueries.StartsWith("_id", conversation + "|"))
                    .Where(d => d["conversation"].AsString == conversation)
                    .SelectMany(TranscriptDocuments.LinesOf)
                    .OrderByDescending(d => d["at"].AsInt64).ThenByDescending(TranscriptDocuments.OrderOf)
                    .Take(count)
                    .Reverse()
                    .Select(JsonDocuments.Read<TranscriptMessage>),
            ],
            cancellationToken);
    }

    /// <summary>Returns the lines deleted (a turn's document holds several).</summary>
    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            _ => _messages.Find(LiteDbQueries.Equal("user", $"{channelId}|{userId}")).ToList()
                .Sum(d => _messages.Delete(d["_id"]) ? TranscriptDocuments.CountOf(d) : 0),
            cancellationToken);

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var messages = await _database.ReadAsync(
            _ => _messages.Find(LiteDbQueries.Equal("user", $"{channelId}|{userId}")).SelectMany(TranscriptDocuments.LinesOf)
            .OrderBy(d => d["at"].AsInt64).ThenBy(TranscriptDocuments.OrderOf)
            .Select(JsonDocuments.Read<TranscriptMessage>).ToList(),
            cancellationToken);
        return JsonSerializer.SerializeToNode(messages, HandoffJson.Options) ?? new JsonArray();
    }

    /// <summary>
    /// Returns the lines deleted. A turn's document goes when its newest line is older than <paramref name="cutoff"/>: its
    /// earlier lines (the same turn, milliseconds before) stay that much longer.
    /// </summary>
    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var expired = LiteDbBatchedScan.Before("at", JsonDocuments.Ms(cutoff));
        // A batch per transaction: the scan in one kept LiteDB's page cache as large as the collection (LiteDbBatchedScan).
        return LiteDbBatchedScan.ForEachBatchAsync(
            _database,
            Collection,
            (db, batch) => batch.Where(expired).Sum(d => db.GetCollection(Collection).Delete(d["_id"]) ? TranscriptDocuments.CountOf(d) : 0),
            cancellationToken);
    }

    /// <summary>
    /// The earlier layout kept a line's id in field <c>line</c> with its own index, looked up on every append. Such
    /// lines move to the new id (their old ObjectId id becomes their <c>order</c>), and the index goes; lines without an
    /// id keep their ObjectId id until <see cref="KeyByConversation"/> moves them too.
    /// </summary>
    private void ConvertEarlierLayout(LiteDatabase db)
    {
        if (HasIndex(db, "line"))
        {
            Rekey(db, _messages.Find(Query.Not("line", BsonValue.Null)).ToList(), old => old["line"], "line", dropField: "line");
        }
    }

    /// <summary>
    /// Layouts before this one gave a line without an id an ObjectId as its <c>_id</c> and found a conversation's lines
    /// through an index on <c>conversation</c>. Such lines move to <c>conversation|~ObjectId</c> (the old id becomes their
    /// <c>order</c>, which they had as their id), and the index goes.
    /// </summary>
    private void KeyByConversation(LiteDatabase db)
    {
        if (HasIndex(db, "conversation"))
        {
            var unkeyed = LiteDbBatchedScan.Where(db, Collection, d => d["_id"].IsObjectId);
            Rekey(db, unkeyed, old => TranscriptDocuments.KeyOf(old["conversation"].AsString, null, old["_id"].AsObjectId), "conversation");
        }
    }

    private static bool HasIndex(LiteDatabase db, string name) =>
        db.GetCollection("$indexes").Exists(Query.And(Query.EQ("collection", Collection), Query.EQ("name", name)));

    /// <summary>
    /// Gives <paramref name="lines"/> of an earlier layout their new <c>_id</c> (their ObjectId id becomes their
    /// <c>order</c>) and drops that layout's <paramref name="index"/>, in one transaction. As upserts: the earlier layout
    /// could hold one line id twice, which becomes one line.
    /// </summary>
    private void Rekey(LiteDatabase db, List<BsonDocument> lines, Func<BsonDocument, BsonValue> newId, string index, string? dropField = null)
    {
        db.BeginTrans();
        try
        {
            foreach (var old in lines)
            {
                var moved = new BsonDocument();
                foreach (var (name, value) in old.Where(f => f.Key != "_id" && f.Key != dropField))
                {
                    moved[name] = value;
                }

                moved["_id"] = newId(old);
                moved["order"] = old["_id"];
                _messages.Delete(old["_id"]);
                _messages.Upsert(moved);
            }

            _messages.DropIndex(index);
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }
}
