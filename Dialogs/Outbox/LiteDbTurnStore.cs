using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;
using LiteDB;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary><see cref="ITurnStore"/> on the shared LiteDB database: one transaction per turn.</summary>
public sealed class LiteDbTurnStore(SharedLiteDatabase database, TimeProvider time) : ITurnStore
{
    public Task<bool> IsProcessedAsync(string inboundKey, CancellationToken cancellationToken) =>
        database.ReadAsync(db => db.GetCollection(LiteDbOutboxDocuments.InboundCollection).FindById(inboundKey) is not null, cancellationToken);

    /// <summary>Completes once the commit is durable, so no reply leaves before its state would survive a power loss.</summary>
    public async Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(db => CommitAndStampCounter(db, commit), cancellationToken);
        }
        catch (StorageConflictException)
        {
            return CommitOutcome.Conflict;
        }
    }

    /// <summary>Stamps the conversation's sequence counter with the time of the commit that moved it, in the same
    /// transaction, so retention can tell a counter idle for the whole period (see DialogsUserData).</summary>
    private CommitOutcome CommitAndStampCounter(LiteDatabase db, TurnCommit commit)
    {
        var outcome = Commit(db, commit);
        if (outcome == CommitOutcome.Committed && commit.Outgoing.Count > 0)
        {
            LiteDbOutboxDocuments.StampCounter(db, commit.ConversationKey, time.GetUtcNow());
        }

        return outcome;
    }

    private CommitOutcome Commit(LiteDatabase db, TurnCommit commit)
    {
        var inbound = db.GetCollection(LiteDbOutboxDocuments.InboundCollection);
        if (commit.InboundKey is not null && inbound.FindById(commit.InboundKey) is not null)
        {
            return CommitOutcome.Duplicate;
        }

        LiteDbDocuments.WriteChecked(db, commit.StateChanges);

        var now = time.GetUtcNow();
        if (commit.Outgoing.Count > 0)
        {
            var sequences = db.GetCollection(LiteDbOutboxDocuments.SequenceCollection);
            var outbox = db.GetCollection(LiteDbOutboxDocuments.OutboxCollection);
            var last = sequences.FindById(commit.ConversationKey)?["last"].AsInt64 ?? 0L;
            foreach (var activity in commit.Outgoing)
            {
                last++;
                outbox.Insert(LiteDbOutboxDocuments.ToDocument(new OutboxEntry(
                    OutboxEntry.IdFor(commit.ConversationKey, last),
                    commit.ConversationKey,
                    last,
                    activity.ChannelId ?? string.Empty,
                    ActivityJson.Serialize(activity),
                    OutboxStatus.Pending,
                    0,
                    now,
                    now)));
            }

            sequences.Upsert(new BsonDocument { ["_id"] = commit.ConversationKey, ["last"] = last });
        }

        if (commit.InboundKey is not null)
        {
            inbound.Insert(new BsonDocument { ["_id"] = commit.InboundKey, ["at"] = now.UtcTicks });
        }

        return CommitOutcome.Committed;
    }
}
