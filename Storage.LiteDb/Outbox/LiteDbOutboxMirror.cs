using IntegrationBot.Dialogs.Outbox;
namespace IntegrationBot.Storage.LiteDb.Outbox;

/// <summary>
/// The pending outbox of the LiteDB file, in memory, so the dispatcher finds each conversation's head without reading
/// the file (one process owns it). Loaded from the file on first use (after a crash: what the file owes), then kept in
/// step by the turn store (entries added once their commit is durable) and the outbox store (delivered, rescheduled,
/// dead-lettered, deleted). A change made while it is not loaded is a no-op: the next load reads it from the file.
/// Bounded: with more than <see cref="MaxEntries"/> pending (a channel down for long) it unloads, and the dispatcher
/// reads the file as before until the backlog is below the bound again.
/// </summary>
public sealed class LiteDbOutboxMirror(int maxEntries)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<long, OutboxEntry>> _byConversation = new(StringComparer.Ordinal);
    private int _count;
    private bool _loaded;

    public int MaxEntries { get; } = maxEntries;

    public bool IsLoaded
    {
        get
        {
            lock (_lock)
            {
                return _loaded;
            }
        }
    }

    /// <summary>The oldest pending entry of each conversation, or null when not loaded.</summary>
    public List<OutboxEntry>? Heads()
    {
        lock (_lock)
        {
            return _loaded ? [.. _byConversation.Values.Select(entries => entries.Values[0])] : null;
        }
    }

    /// <summary>
    /// Loads from <paramref name="readFile"/> unless loaded; the file is read under the mirror's lock, so no change that
    /// completes meanwhile can be missed (it either is in the file already or is applied after the load).
    /// </summary>
    public void LoadIfNeeded(Func<IReadOnlyList<OutboxEntry>> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        lock (_lock)
        {
            if (_loaded)
            {
                return;
            }

            var pending = readFile();
            if (pending.Count > MaxEntries)
            {
                return;
            }

            foreach (var entry in pending)
            {
                AddLocked(entry);
            }

            _loaded = true;
        }
    }

    public void Added(IEnumerable<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            if (!_loaded)
            {
                return;
            }

            foreach (var entry in entries)
            {
                AddLocked(entry);
            }

            if (_count > MaxEntries)
            {
                UnloadLocked();
            }
        }
    }

    /// <summary>The entry left the outbox (delivered or dead-lettered).</summary>
    public void Removed(string entryId)
    {
        lock (_lock)
        {
            if (_loaded && Parse(entryId) is var (conversation, sequence)
                && _byConversation.TryGetValue(conversation, out var entries) && entries.Remove(sequence))
            {
                _count--;
                if (entries.Count == 0)
                {
                    _byConversation.Remove(conversation);
                }
            }
        }
    }

    /// <summary>The entry changed in place (rescheduled).</summary>
    public void Replaced(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_loaded && _byConversation.TryGetValue(entry.ConversationKey, out var entries) && entries.ContainsKey(entry.Sequence))
            {
                entries[entry.Sequence] = entry;
            }
        }
    }

    /// <summary>The entry with <paramref name="entryId"/>, or null when unknown or not loaded.</summary>
    public OutboxEntry? Find(string entryId)
    {
        lock (_lock)
        {
            return _loaded && Parse(entryId) is var (conversation, sequence)
                && _byConversation.TryGetValue(conversation, out var entries) && entries.TryGetValue(sequence, out var entry)
                ? entry
                : null;
        }
    }

    public void RemovedConversation(string conversationKey)
    {
        lock (_lock)
        {
            if (_byConversation.Remove(conversationKey, out var entries))
            {
                _count -= entries.Count;
            }
        }
    }

    /// <summary>Forgets everything: the file changed in a way not mirrored (erasure, retention, a write whose outcome is unknown).</summary>
    public void Unload()
    {
        lock (_lock)
        {
            UnloadLocked();
        }
    }

    private void AddLocked(OutboxEntry entry)
    {
        if (!_byConversation.TryGetValue(entry.ConversationKey, out var entries))
        {
            entries = [];
            _byConversation[entry.ConversationKey] = entries;
        }

        if (entries.TryAdd(entry.Sequence, entry))
        {
            _count++;
        }
    }

    /// <summary>Conversation and sequence of an id made by <see cref="OutboxEntry.IdFor"/> (conversation keys may hold '#').</summary>
    private static (string Conversation, long Sequence) Parse(string entryId)
    {
        var hash = entryId.LastIndexOf('#');
        return hash > 0 && long.TryParse(entryId.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? (entryId[..hash], sequence)
            : (entryId, -1);
    }

    private void UnloadLocked()
    {
        _byConversation.Clear();
        _count = 0;
        _loaded = false;
    }
}
