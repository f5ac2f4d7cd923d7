using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Turn store and outbox in memory, for tests; commits are atomic under the storage's lock.</summary>
public sealed class MemoryTurnStore(MemoryStorage storage, TimeProvider time) : ITurnStore, IOutboxStore
{
    private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OutboxEntry> _outbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    public Task<bool> IsProcessedAsync(string inboundKey, CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            return Task.FromResult(_processed.Contains(inboundKey));
        }
    }

    public Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            if (commit.InboundKey is not null && _processed.Contains(commit.InboundKey))
            {
                return Task.FromResult(CommitOutcome.Duplicate);
            }

            try
            {
                storage.WriteLocked(commit.StateChanges);
            }
            catch (StorageConflictException)
            {
                return Task.FromResult(CommitOutcome.Conflict);
            }

            var now = time.GetUtcNow();
            foreach (var activity in commit.Outgoing)
            {
                var sequence = _sequences[commit.ConversationKey] = _sequences.GetValueOrDefault(commit.ConversationKey) + 1;
                var entry = new OutboxEntry(
                    OutboxEntry.IdFor(commit.ConversationKey, sequence),
                    commit.ConversationKey,
                    sequence,
                    activity.ChannelId ?? string.Empty,
                    ActivityJson.Serialize(activity),
                    OutboxStatus.Pending,
                    0,
                    now,
                    now);
                _outbox[entry.Id] = entry;
            }

            if (commit.InboundKey is not null)
            {
                _processed.Add(commit.InboundKey);
            }

            return Task.FromResult(CommitOutcome.Committed);
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ListDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            IReadOnlyList<OutboxEntry> heads = [.. Heads().Where(e => e.NextAttemptAt <= now)];
            return Task.FromResult(heads);
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            var heads = Heads().ToList();
            return Task.FromResult<DateTimeOffset?>(heads.Count == 0 ? null : heads.Min(e => e.NextAttemptAt));
        }
    }

    public Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            _outbox.Remove(entryId);
        }

        return Task.CompletedTask;
    }

    public Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken) =>
        Update(entryId, e => e with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = lastError });

    public Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken) =>
        Update(entryId, e => e with { Attempts = attempts, Status = OutboxStatus.DeadLettered, LastError = reason });

    public Task<IReadOnlyList<OutboxEntry>> ListDeadLettersAsync(CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            IReadOnlyList<OutboxEntry> dead = [.. _outbox.Values.Where(e => e.Status == OutboxStatus.DeadLettered)];
            return Task.FromResult(dead);
        }
    }

    public Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        lock (storage.Gate)
        {
            var ids = _outbox.Values.Where(e => e.ConversationKey == conversationKey).Select(e => e.Id).ToList();
            ids.ForEach(id => _outbox.Remove(id));
            return Task.FromResult(ids.Count);
        }
    }

    private IEnumerable<OutboxEntry> Heads() =>
        _outbox.Values
            .Where(e => e.Status == OutboxStatus.Pending)
            .GroupBy(e => e.ConversationKey)
            .Select(g => g.MinBy(e => e.Sequence)!);

    private Task Update(string entryId, Func<OutboxEntry, OutboxEntry> change)
    {
        lock (storage.Gate)
        {
            if (_outbox.TryGetValue(entryId, out var entry))
            {
                _outbox[entryId] = change(entry);
            }
        }

        return Task.CompletedTask;
    }
}
