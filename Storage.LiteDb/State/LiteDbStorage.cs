using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.State;

/// <summary><see cref="IStorage"/> over the shared LiteDB database.</summary>
public sealed class LiteDbStorage(SharedLiteDatabase database) : IStorage
{
    public Task<IReadOnlyDictionary<string, StoredItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, StoredItem>>(
            db =>
            {
                var found = new Dictionary<string, StoredItem>(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    if (LiteDbDocuments.Read(db, key) is { } item)
                    {
                        found[key] = item;
                    }
                }

                return found;
            },
            cancellationToken);

    public Task WriteAsync(IReadOnlyDictionary<string, StoredItem> changes, CancellationToken cancellationToken) =>
        database.WriteAsync(
            db =>
            {
                LiteDbDocuments.WriteChecked(db, changes);
                return true;
            },
            cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        database.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(LiteDbDocuments.StateCollection);
                foreach (var key in keys)
                {
                    collection.Delete(key);
                }

                return true;
            },
            cancellationToken);
}
