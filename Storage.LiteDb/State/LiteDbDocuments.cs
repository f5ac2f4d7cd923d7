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

    /// <summary>Checks every eTag, then writes; call inside a writer's transaction so a conflict leaves nothing written.
    /// The eTag the file holds comes from <paramref name="facts"/> when this process wrote the document, else from the
    /// file. Returns the documents as written (with their new eTags), for the in-memory copy once the transaction commits.</summary>
    public static List<KeyValuePair<string, StoredItem>> WriteChecked(LiteDatabase database, LiteDbFileFacts facts, IReadOnlyDictionary<string, StoredItem> changes)
    {
        var collection = database.GetCollection(StateCollection);
        foreach (var (key, item) in changes)
        {
            // A wildcard write needs no current eTag at all.
            if (item.ETag == StoredItem.AnyETag)
            {
                continue;
            }

            var current = facts.TryGetETag(key, out var known) ? known : collection.FindById(key)?["etag"].AsString;
            ETagCheck.Ensure(key, item.ETag, current);
        }

        var written = new List<KeyValuePair<string, StoredItem>>(changes.Count);
        foreach (var (key, item) in changes)
        {
            var etag = ETagCheck.NewETag();
            written.Add(new(key, new StoredItem(item.Json, etag)));
            collection.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["json"] = item.Json,
                ["etag"] = etag,
                // Wall-clock write time, only for the retention purge: state untouched for the retention period goes.
                ["updated"] = DateTime.UtcNow.Ticks,
            });
            facts.ETagWritten(key, etag);
        }

        return written;
    }
}
