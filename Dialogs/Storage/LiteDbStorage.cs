namespace IntegrationBot.Dialogs.Storage;

/// <summary><see cref="IStorage"/> over the shared LiteDB database.</summary>
public sealed class LiteDbStorage(SharedLiteDatabase database) : IStorage
{
    public Task<IReadOnlyDictionary<string, StoredItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredItem>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (database.Read(db => LiteDbDocuments.Read(db, key)) is { } item)
            {
                found[key] = item;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoredItem>>(found);
    }

    public Task WriteAsync(IReadOnlyDictionary<string, StoredItem> changes, CancellationToken cancellationToken)
    {
        database.WriteInTransaction(db =>
        {
            LiteDbDocuments.WriteChecked(db, changes);
            return true;
        });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        database.WriteInTransaction(db =>
        {
            var collection = db.GetCollection(LiteDbDocuments.StateCollection);
            foreach (var key in keys)
            {
                collection.Delete(key);
            }

            return true;
        });
        return Task.CompletedTask;
    }
}
