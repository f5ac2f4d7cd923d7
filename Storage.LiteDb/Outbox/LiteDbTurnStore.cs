using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Storage.LiteDb.Outbox;

/// <summary><see cref="ITurnStore"/> on the shared LiteDB database: one transaction per turn, which also carries the
/// writes that joined the turn (its transcript lines, <see cref="SharedLiteDatabase.JoinTurn{T}"/>) and the web chat log
/// lines of its replies. Once it is durable, the turn's state and outbox entries also go to the file's in-memory copy
/// (<see cref="LiteDbHotState"/>).</summary>
public sealed class LiteDbTurnStore(SharedLiteDatabase database, TimeProvider time) : ITurnStore
{
    private readonly LiteDbHotState _hot = LiteDbHotState.For(database);

    /// <summary>From memory for a new id once the filter is loaded; a possible repeat (or a check before that) reads the file.</summary>
    public Task<bool> IsProcessedAsync(string inboundKey, CancellationToken cancellationToken)
    {
        if (_hot.Inbound.IsSurelyNew(inboundKey))
        {
            return Task.FromResult(false);
        }

        if (!_hot.Inbound.IsReady)
        {
            _hot.Inbound.LoadInBackground(
                () => database.ReadBlocking(db => db.GetCollection(LiteDbOutboxDocuments.InboundCollection).LongCount()),
                // In batches: one read transaction over every id kept LiteDB's page cache as large as the collection.
                () => LiteDbBatchedScan.Ids(database, LiteDbOutboxDocuments.InboundCollection).Select(id => id.AsString));
        }

        return database.ReadDocumentsAsync(
            LiteDbOutboxDocuments.InboundCollection,
            [inboundKey],
            db => db.GetCollection(LiteDbOutboxDocuments.InboundCollection).FindById(inboundKey) is not null,
            cancellationToken);
    }

    /// <summary>Completes once the commit is durable, so no reply leaves before its state would survive a power loss.</summary>
    public async Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        // Serialized before taking the write gate: JSON work need not hold up the process's other writers.
        var outgoing = commit.Outgoing.Select(a => (Channel: a.ChannelId ?? string.Empty, Json: ActivityJson.Serialize(a))).ToList();
        var webChatReplies = LiteDbDirectLineStore.ShapeReplies(commit.Outgoing, time.GetUtcNow());
        Written? written = null;
        try
        {
            var outcome = await database.WriteTurnAsync(commit.ConversationKey, db => Commit(db, commit, outgoing, webChatReplies, out written), cancellationToken);
            foreach (var (key, item) in written!.State)
            {
                _hot.State.Written(key, item);
            }

            // The web chat log lines of its replies were in the transaction: a reply is in the page's log once its turn
            // is durable. Before the outbox entries appear in memory, so each delivery finds its line here and only announces it.
            _hot.WebChatLines.Committed(written.WebChatLines);
            _hot.Outbox.Added(written.Outbox);
            if (commit.InboundKey is not null)
            {
                _hot.Inbound.Added(commit.InboundKey);
            }

            return outcome;
        }
        catch (StorageConflictException)
        {
            ForgetState(commit);
            return CommitOutcome.Conflict;
        }
        catch (RepeatedInboundException)
        {
            return CommitOutcome.Duplicate;
        }
        catch
        {
            // The commit may have happened (e.g. cancelled while waiting for the disk): memory must not disagree with the file.
            ForgetState(commit);
            _hot.Outbox.Unload();
            if (commit.InboundKey is not null)
            {
                _hot.Inbound.Added(commit.InboundKey);
            }

            throw;
        }
    }

    private void ForgetState(TurnCommit commit)
    {
        foreach (var key in commit.StateChanges.Keys)
        {
            _hot.State.Forget(key);
        }
    }

    private CommitOutcome Commit(LiteDatabase db, TurnCommit commit, List<(string Channel, string Json)> outgoing, List<Activity> webChatReplies, out Written written)
    {
        var now = time.GetUtcNow();
        var entries = new List<OutboxEntry>(outgoing.Count);

        // First, so a repeat fails before anything else is written. The adapter already checked under the
        // conversation's lock, and one process owns a LiteDB file, so a repeat here is a bug, not a race; the unique
        // key still refuses it (no extra lookup per turn) and the writer rolls the transaction back.
        if (commit.InboundKey is not null)
        {
            try
            {
                db.GetCollection(LiteDbOutboxDocuments.InboundCollection).Insert(new BsonDocument { ["_id"] = commit.InboundKey, ["at"] = now.UtcTicks });
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw new RepeatedInboundException(e);
            }
        }

        var state = LiteDbDocuments.WriteChecked(db, _hot.Facts, commit.StateChanges);

        if (outgoing.Count > 0)
        {
            var sequences = db.GetCollection(LiteDbOutboxDocuments.SequenceCollection);
            var outbox = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
            var last = _hot.Facts.TryGetSequence(commit.ConversationKey, out var known)
                ? known
                : sequences.FindById(commit.ConversationKey)?["last"].AsInt64 ?? 0L;
            var documents = new List<BsonDocument>(outgoing.Count);
            foreach (var (channel, json) in outgoing)
            {
                last++;
                var entry = new OutboxEntry(
                    OutboxEntry.IdFor(commit.ConversationKey, last),
                    commit.ConversationKey,
                    last,
                    channel,
                    json,
                    OutboxStatus.Pending,
                    0,
                    now,
                    now);
                documents.Add(LiteDbOutboxDocuments.ToDocument(entry));
                entries.Add(entry);
            }

            // One insert call for the turn's replies: LiteDB's per-call work (transaction lookup, snapshot, services) once.
            outbox.Insert(documents);

            // Stamped with the commit's time, so retention can tell a counter idle for the whole period (see DialogsUserData).
            sequences.Upsert(new BsonDocument { ["_id"] = commit.ConversationKey, ["last"] = last, [LiteDbOutboxDocuments.CounterUpdated] = now.UtcTicks });
            _hot.Facts.SequenceWritten(commit.ConversationKey, last);
        }

        written = new Written(state, entries, webChatReplies.Count == 0 ? [] : LiteDbDirectLineStore.AppendReplies(db, _hot.WebChatSequences, webChatReplies, now));
        return CommitOutcome.Committed;
    }

    /// <summary>What a commit wrote, for the in-memory copy once it is durable.</summary>
    private sealed record Written(
        List<KeyValuePair<string, StoredItem>> State,
        List<OutboxEntry> Outbox,
        List<CommittedWebChatLine> WebChatLines);

    /// <summary>The inbound id was committed before; thrown inside the write so the writer rolls it back.</summary>
    private sealed class RepeatedInboundException(Exception inner) : Exception("inbound activity already processed", inner);
}
