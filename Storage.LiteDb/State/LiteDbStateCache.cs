using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.State;

/// <summary>
/// State documents of active conversations kept in memory next to the LiteDB file (one process owns the file), so a
/// turn reads its state without a query. Written through: an entry is put only after its write committed, dropped when
/// a write fails or loses an eTag race, and the file stays the authority (commits still check eTags against it, so a
/// stale entry costs a rerun, never a lost update). Bounded by count and by bytes; the least recently used go first.
/// </summary>
public sealed class LiteDbStateCache
{
    // Per entry beyond its strings: dictionary slot, list node, record (measured order of magnitude, not exact).
    private const int EntryOverhead = 160;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();
    private long _bytes;
    private long _generation;

    public LiteDbStateCache(int maxDocuments, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDocuments);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        MaxDocuments = maxDocuments;
        MaxBytes = maxBytes;
    }

    public int MaxDocuments { get; }

    public long MaxBytes { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Estimated memory held by the cached documents.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Documents dropped to stay within the bounds since start.</summary>
    public long Evictions { get; private set; }

    /// <summary>Changes whenever a document is written or dropped: a read of the file that began before must not be cached.</summary>
    public long Generation
    {
        get
        {
            lock (_lock)
            {
                return _generation;
            }
        }
    }

    public bool TryGet(string key, out StoredItem item)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                item = node.Value.Item;
                return true;
            }
        }

        item = null!;
        return false;
    }

    /// <summary>A document as committed to the file.</summary>
    public void Written(string key, StoredItem item)
    {
        lock (_lock)
        {
            _generation++;
            PutLocked(key, item);
        }
    }

    /// <summary>A document read from the file, cached only if nothing was written or dropped since <paramref name="generation"/>.</summary>
    public void Read(string key, StoredItem item, long generation)
    {
        lock (_lock)
        {
            if (generation == _generation)
            {
                PutLocked(key, item);
            }
        }
    }

    /// <summary>Drops <paramref name="key"/>: deleted, or its write failed or lost a race, so the next read goes to the file.</summary>
    public void Forget(string key)
    {
        lock (_lock)
        {
            _generation++;
            RemoveLocked(key);
        }
    }

    /// <summary>Drops everything (erasure and retention delete documents in the file directly).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _generation++;
            _index.Clear();
            _recent.Clear();
            _bytes = 0;
        }
    }

    private void PutLocked(string key, StoredItem item)
    {
        RemoveLocked(key);
        var bytes = EntryOverhead + (2L * (key.Length + item.Json.Length + (item.ETag?.Length ?? 0)));
        if (bytes > MaxBytes || MaxDocuments == 0)
        {
            return;
        }

        _index[key] = _recent.AddFirst(new Entry(key, item, bytes));
        _bytes += bytes;
        while (_index.Count > MaxDocuments || _bytes > MaxBytes)
        {
            var oldest = _recent.Last!;
            RemoveLocked(oldest.Value.Key);
            Evictions++;
        }
    }

    private void RemoveLocked(string key)
    {
        if (_index.Remove(key, out var node))
        {
            _recent.Remove(node);
            _bytes -= node.Value.Bytes;
        }
    }

    private sealed record Entry(string Key, StoredItem Item, long Bytes);
}
