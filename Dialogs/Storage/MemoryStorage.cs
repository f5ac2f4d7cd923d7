namespace IntegrationBot.Dialogs.Storage;

/// <summary>In-memory <see cref="IStorage"/> for tests; same eTag rules as the durable stores.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoredItem> _items = new(StringComparer.Ordinal);

    /// <summary>Guards every read and write, also those of <c>MemoryTurnStore</c> that must be atomic with the outbox.</summary>
    internal object Gate { get; } = new();

    public Task<IReadOnlyDictionary<string, StoredItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            var found = new Dictionary<string, StoredItem>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    found[key] = item;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, StoredItem>>(found);
        }
    }

    public Task WriteAsync(IReadOnlyDictionary<string, StoredItem> changes, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            WriteLocked(changes);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Checks every eTag first, then writes: all or nothing. Caller holds <see cref="Gate"/>.</summary>
    internal void WriteLocked(IReadOnlyDictionary<string, StoredItem> changes)
    {
        foreach (var (key, item) in changes)
        {
            ETagCheck.Ensure(key, item.ETag, _items.TryGetValue(key, out var current) ? current.ETag : null);
        }

        foreach (var (key, item) in changes)
        {
            _items[key] = new StoredItem(item.Json, ETagCheck.NewETag());
        }
    }
}
