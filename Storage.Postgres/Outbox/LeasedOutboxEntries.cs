using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Storage.Postgres.Outbox;

/// <summary>
/// Outbox entries a turn's commit call leased to this instance as it wrote them (issue 19, migration 16): the
/// dispatcher here gets them from memory instead of leasing them with a round trip of its own (<c>ListDueHeadsAsync</c>
/// was ~0.3–0.45 round trips per web chat turn). A commit leases its entries only when they are all its conversation
/// has pending, so memory holds whole conversations' heads and delivering them in order needs nothing from the
/// database; everything else (other instances' entries, retries, a turn whose conversation had entries pending) is
/// listed from the database as before, at once when something may have changed there and at least every
/// <see cref="DatabaseListInterval"/> while memory has work. One per database, i.e. per process or instance.
/// </summary>
/// <remarks>
/// The lease is the same as the dispatcher's own (<c>PostgresStorageOptions.OutboxLease</c>): if this instance dies,
/// another delivers the entries once it runs out, as with entries it had leased by listing. Entries are leased in a
/// commit only while a dispatcher lists here and memory has room (<see cref="Capacity"/>).
/// </remarks>
internal sealed class LeasedOutboxEntries
{
    /// <summary>Entries held at most; far above what a busy instance has between commit and delivery.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long memory alone may answer while it has work, before the database is listed too.</summary>
    public static readonly TimeSpan DatabaseListInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<OutboxEntry>> _byConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _conversationOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _behind = new(StringComparer.Ordinal);
    private DateTimeOffset _lastDatabaseList = DateTimeOffset.MinValue;
    private bool _databaseChanged = true;
    private bool _draining;

    /// <summary>The lease a commit gives its entries, set by the outbox store; none until a dispatcher lists here.</summary>
    public TimeSpan? Lease { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _conversationOf.Count;
            }
        }
    }

    /// <summary>Until when a commit now should lease its entries to this instance, or null (nobody drains here, or memory is full).</summary>
    public DateTimeOffset? LeaseUntil(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _draining && Lease is { } lease && _conversationOf.Count < Capacity ? now + lease : null;
        }
    }

    /// <summary>
    /// A commit here wrote entries of <paramref name="conversationKey"/> without leasing them: the database has new work
    /// to list, and if they wait behind entries held here, again once those are delivered (they are its head then).
    /// </summary>
    public void NewInDatabase(string conversationKey)
    {
        lock (_gate)
        {
            _databaseChanged = true;
            if (_byConversation.ContainsKey(conversationKey))
            {
                _behind.Add(conversationKey);
            }
        }
    }

    /// <summary>A commit wrote <paramref name="entries"/> leased to this instance: held here until delivered.</summary>
    public void Committed(IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (!_byConversation.TryGetValue(entry.ConversationKey, out var queue))
                {
                    _byConversation[entry.ConversationKey] = queue = [];
                }

                queue.Add(entry);
                _conversationOf[entry.Id] = entry.ConversationKey;
            }
        }
    }

    /// <summary>
    /// The dispatcher lists: the head of each conversation held here, and whether the database must be listed too (memory
    /// is empty, something changed there, or it was last listed <see cref="DatabaseListInterval"/> ago).
    /// </summary>
    public (List<OutboxEntry> Heads, bool ListDatabase) Heads(DateTimeOffset now, TimeSpan lease)
    {
        lock (_gate)
        {
            _draining = true;
            Lease = lease;
            List<OutboxEntry> heads = [.. _byConversation.Values.Select(q => q[0])];
            var listDatabase = heads.Count == 0 || _databaseChanged || now - _lastDatabaseList >= DatabaseListInterval;
            if (listDatabase)
            {
                _databaseChanged = false;
                _lastDatabaseList = now;
            }

            return (heads, listDatabase);
        }
    }

    /// <summary>An entry was delivered: the next of its conversation is the head. One not held here may have been the head of one in the database.</summary>
    public void Delivered(string entryId)
    {
        lock (_gate)
        {
            if (!Remove(entryId))
            {
                _databaseChanged = true;
            }
        }
    }

    /// <summary>
    /// An entry is retried later or dead-lettered: its conversation goes back to the database, in order. Returns the ids
    /// of its conversation's other entries held here, whose leases the caller ends (else they would wait for them).
    /// </summary>
    public string[] Returned(string entryId)
    {
        lock (_gate)
        {
            _databaseChanged = true;
            if (!_conversationOf.TryGetValue(entryId, out var conversation))
            {
                return [];
            }

            var rest = _byConversation[conversation].Select(e => e.Id).Where(id => id != entryId).ToArray();
            Forget(conversation);
            return rest;
        }
    }

    /// <summary>Drops what erasure deleted: the entries of <paramref name="conversationKeys"/> and <paramref name="entryIds"/>.</summary>
    public void Erased(IEnumerable<string> conversationKeys, IEnumerable<string> entryIds)
    {
        ArgumentNullException.ThrowIfNull(conversationKeys);
        ArgumentNullException.ThrowIfNull(entryIds);
        lock (_gate)
        {
            foreach (var conversation in conversationKeys)
            {
                Forget(conversation);
            }

            foreach (var id in entryIds)
            {
                Remove(id);
            }
        }
    }

    private bool Remove(string entryId)
    {
        if (!_conversationOf.Remove(entryId, out var conversation))
        {
            return false;
        }

        var queue = _byConversation[conversation];
        queue.RemoveAll(e => e.Id == entryId);
        if (queue.Count == 0)
        {
            _byConversation.Remove(conversation);
            _databaseChanged |= _behind.Remove(conversation);
        }

        return true;
    }

    private void Forget(string conversation)
    {
        _databaseChanged |= _behind.Remove(conversation);
        if (_byConversation.Remove(conversation, out var queue))
        {
            foreach (var entry in queue)
            {
                _conversationOf.Remove(entry.Id);
            }
        }
    }
}
