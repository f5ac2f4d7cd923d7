using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.State;

/// <summary><see cref="IStorage"/> over the shared LiteDB database; documents of active conversations are read from
/// memory (<see cref="LiteDbStateCache"/>, written through).</summary>
public sealed class LiteDbStorage(SharedLiteDatabase database) : IStorage
{
    private readonly LiteDbStateCache _cache = LiteDbHotState.For(database).State;
    private readonly LiteDbFileFacts _facts = LiteDbHotState.For(database).Facts;

    public Task<IReadOnlyDictionary<string, StoredItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredItem>(StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var key in keys)
        {
            if (_cache.TryGet(key, out var item))
            {
                found[key] = item;
            }
            else
            {
                (missing ??= []).Add(key);
            }
        }

        return missing is null ? Task.FromResult<IReadOnlyDictionary<string, StoredItem>>(found) : ReadFileAsync(found, missing, cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, StoredItem> changes, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, StoredItem>>? written = null;
        try
        {
            await database.WriteAsync(
                db =>
                {
                    written = LiteDbDocuments.WriteChecked(db, _facts, changes);
                    return true;
                },
                cancellationToken);
        }
        catch
        {
            // Lost a race or the outcome is unknown: the next read of these keys goes to the file.
            foreach (var key in changes.Keys)
            {
                _cache.Forget(key);
            }

            throw;
        }

        foreach (var (key, item) in written!)
        {
            _cache.Written(key, item);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        try
        {
            await database.WriteAsync(
                db =>
                {
                    var collection = db.GetCollection(LiteDbDocuments.StateCollection);
                    foreach (var key in keys)
                    {
                        collection.Delete(key);
                        _facts.Forget(key);
                    }

                    return true;
                },
                cancellationToken);
        }
        finally
        {
            foreach (var key in keys)
            {
                _cache.Forget(key);
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, StoredItem>> ReadFileAsync(Dictionary<string, StoredItem> found, List<string> missing, CancellationToken cancellationToken)
    {
        // Taken before reading: a write that lands meanwhile makes this read too old to cache.
        var generation = _cache.Generation;
        var read = await database.ReadDocumentsAsync(
            LiteDbDocuments.StateCollection,
            missing.Select(key => new LiteDB.BsonValue(key)),
            db =>
            {
                var items = new List<KeyValuePair<string, StoredItem>>(missing.Count);
                foreach (var key in missing)
                {
                    if (LiteDbDocuments.Read(db, key) is { } item)
                    {
                        items.Add(new(key, item));
                    }
                }

                return items;
            },
            cancellationToken);
        foreach (var (key, item) in read)
        {
            found[key] = item;
            _cache.Read(key, item, generation);
        }

        return found;
    }
}
