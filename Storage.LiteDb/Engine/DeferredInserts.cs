using LiteDB;
using LiteDB.Engine;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Documents inserted behind the write journal into a collection whose documents mostly live for milliseconds (the
/// outbox: a reply is deleted once delivered), kept here instead of in LiteDB's open transaction. A delete before
/// LiteDB's commit then only forgets the document, and LiteDB never does the insert's and the delete's page and index
/// work; the documents still waiting go into LiteDB before its commit, or before anything else touches their collection.
/// </summary>
/// <remarks>
/// Safe because the journal frame of the insert is durable before the write completes, whatever LiteDB holds: a restart
/// applies it (and the delete's frame after it). On the writer thread only, like LiteDB's transaction.
/// </remarks>
internal sealed class DeferredInserts(IEnumerable<string> collections)
{
    private readonly HashSet<string> _collections = new(collections, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<BsonValue, BsonDocument>> _kept = new(StringComparer.OrdinalIgnoreCase);
    // The writer's thread, which keeps documents: only it may put them into LiteDB (its transaction is the writer's).
    private int _keeper;
    private long _forgotten;
    private long _written;

    /// <summary>Documents deleted before they reached LiteDB, for tests and diagnostics.</summary>
    public long Forgotten => Interlocked.Read(ref _forgotten);

    /// <summary>Documents that went into LiteDB after all, for tests and diagnostics.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Keeps <paramref name="docs"/> out of LiteDB when their collection is one of these and each has an _id not kept already.</summary>
    public bool TryKeep(string collection, IList<BsonDocument> docs)
    {
        if (!_collections.Contains(collection) || docs.Count == 0)
        {
            return false;
        }

        _kept.TryGetValue(collection, out var kept);
        foreach (var doc in docs)
        {
            if (!doc.TryGetValue("_id", out var id) || id.IsNull || kept?.ContainsKey(id) == true)
            {
                return false;
            }
        }

        if (kept is null)
        {
            _kept[collection] = kept = [];
        }

        _keeper = Environment.CurrentManagedThreadId;
        foreach (var doc in docs)
        {
            kept[doc["_id"]] = doc;
        }

        return true;
    }

    /// <summary>Forgets the kept documents among <paramref name="ids"/>; returns the ids LiteDB must delete itself.</summary>
    public IList<BsonValue> Forget(string collection, IList<BsonValue> ids, out int forgotten)
    {
        forgotten = 0;
        if (!_kept.TryGetValue(collection, out var kept) || kept.Count == 0)
        {
            return ids;
        }

        var rest = new List<BsonValue>(ids.Count);
        foreach (var id in ids)
        {
            if (kept.Remove(id))
            {
                forgotten++;
            }
            else
            {
                rest.Add(id);
            }
        }

        Interlocked.Add(ref _forgotten, forgotten);
        return rest;
    }

    /// <summary>
    /// Puts the documents kept for <paramref name="collection"/> (null: all) into LiteDB's open transaction, as inserts
    /// (an upsert looks each key up first: under load most entries are still owed at LiteDB's commit). Should LiteDB refuse
    /// one for its key, the write or commit fails and the writer rolls back and applies the journal again, whose frames
    /// hold these documents as upserts: nothing is lost and the next commit goes through.
    /// </summary>
    public void WriteTo(ILiteEngine engine, string? collection = null)
    {
        if (_kept.Count == 0 || (collection is not null && (!_kept.TryGetValue(collection, out var one) || one.Count == 0)))
        {
            return;
        }

        foreach (var (name, kept) in _kept)
        {
            if (kept.Count > 0 && (collection is null || string.Equals(name, collection, StringComparison.OrdinalIgnoreCase)))
            {
                // A read of such a collection goes to the writer while journaled writes wait (SharedLiteDatabase.ReadAsync);
                // one on another thread would commit these documents outside the journal's transaction.
                if (Environment.CurrentManagedThreadId != _keeper)
                {
                    throw new InvalidOperationException($"Documents of '{name}' wait for LiteDB's commit on the writer thread; read them through the writer.");
                }

                var docs = kept.Values.ToList();
                kept.Clear();
                engine.Insert(name, docs, BsonAutoId.ObjectId);
                Interlocked.Add(ref _written, docs.Count);
            }
        }
    }

    /// <summary>LiteDB's transaction was rolled back: what was kept is applied again from the journal, not from here.</summary>
    public void Clear()
    {
        foreach (var kept in _kept.Values)
        {
            kept.Clear();
        }
    }
}
