using LiteDB;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.State;

/// <summary>How state documents are laid out in LiteDB; shared by <see cref="LiteDbStorage"/> and the turn store so both apply the same eTag rule.</summary>
internal static class LiteDbDocuments
{
    public const string StateCollection = "state";

    public static StoredItem? Read(LiteDatabase database, string key)
    {
        var doc = database.GetCollection(StateCollection).FindById(key);
        return doc is null ? null : new StoredItem(doc["json"].AsString, doc["etag"].AsString);
    }

    /// <summary>Checks every eTag, then writes; call inside a transaction so a conflict leaves nothing written.</summary>
    public static void WriteChecked(LiteDatabase database, IReadOnlyDictionary<string, StoredItem> changes)
    {
        var collection = database.GetCollection(StateCollection);
        foreach (var (key, item) in changes)
        {
            var current = collection.FindById(key);
            ETagCheck.Ensure(key, item.ETag, current?["etag"].AsString);
        }

        foreach (var (key, item) in changes)
        {
            collection.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["json"] = item.Json,
                ["etag"] = ETagCheck.NewETag(),
                // Wall-clock write time, only for the retention purge: state untouched for the retention period goes.
                ["updated"] = DateTime.UtcNow.Ticks,
            });
        }
    }
}
