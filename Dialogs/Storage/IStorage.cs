namespace IntegrationBot.Dialogs.Storage;

/// <summary>Key/value document storage with eTag optimistic concurrency.</summary>
public interface IStorage
{
    /// <summary>Reads the keys that exist; missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoredItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes all items or none; a stale eTag throws <see cref="StorageConflictException"/>.</summary>
    Task WriteAsync(IReadOnlyDictionary<string, StoredItem> changes, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
