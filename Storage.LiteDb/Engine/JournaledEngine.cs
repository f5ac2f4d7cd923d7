using LiteDB;
using LiteDB.Engine;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// LiteDB's engine as the stores see it, with a recorder in front: while <see cref="Recording"/> is set, every change a
/// write makes (documents inserted, updated, upserted, deleted, and the rest of LiteDB's write calls) is also kept as a
/// <see cref="JournalOp"/>, so the writer can put the batch's changes in the write journal (<see cref="WriteJournal"/>)
/// instead of committing LiteDB's transaction for it.
/// </summary>
/// <remarks>
/// Why at the engine: every collection, typed or not, captured at construction or not, writes through this one
/// interface, so no store can write around the journal. Reads pass straight through.
/// </remarks>
internal sealed class JournaledEngine(LiteEngine inner) : ILiteEngine
{
    // The documents (by collection, then _id; null: the whole collection) that journaled writes changed since LiteDB's
    // last commit; a read of others need not wait for that commit. May hold more than that (a rolled-back batch's), never less.
    private readonly Dictionary<string, HashSet<BsonValue>?> _changed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _changedLock = new();

    /// <summary>Where the running write's changes go; null outside the writer's journaled batches (setup, recovery).</summary>
    public List<JournalOp>? Recording { get; set; }

    /// <summary>True when a journaled write LiteDB has not committed may have changed a document of <paramref name="collection"/> with one of <paramref name="ids"/>.</summary>
    public bool AnyChanged(string collection, IEnumerable<BsonValue> ids)
    {
        lock (_changedLock)
        {
            if (!_changed.TryGetValue(collection, out var changed))
            {
                return false;
            }

            return changed is null || ids.Any(changed.Contains);
        }
    }

    /// <summary>LiteDB committed: what the journal changed is now what LiteDB shows every reader.</summary>
    public void CommittedChanges()
    {
        lock (_changedLock)
        {
            _changed.Clear();
        }
    }

    public LiteEngine Inner => inner;

    public int Checkpoint() => inner.Checkpoint();

    public long Rebuild(RebuildOptions options) => inner.Rebuild(options);

    public bool BeginTrans() => inner.BeginTrans();

    public bool Commit() => inner.Commit();

    public bool Rollback() => inner.Rollback();

    public IBsonDataReader Query(string collection, Query query) => inner.Query(collection, query);

    public BsonValue Pragma(string name) => inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        // Materialized: LiteDB gives each new document its _id in place, and the journal needs the documents with it.
        var list = docs as IList<BsonDocument> ?? docs.ToList();
        var count = inner.Insert(collection, list, autoId);
        Record(Recording is null ? null : JournalOp.Insert(collection, list, autoId), collection, list);
        return count;
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    {
        var list = docs as IList<BsonDocument> ?? docs.ToList();
        var count = inner.Update(collection, list);
        Record(Recording is null ? null : JournalOp.Update(collection, list), collection, list);
        return count;
    }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        var list = docs as IList<BsonDocument> ?? docs.ToList();
        var count = inner.Upsert(collection, list, autoId);
        Record(Recording is null ? null : JournalOp.Upsert(collection, list, autoId), collection, list);
        return count;
    }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    {
        var count = inner.UpdateMany(collection, transform, predicate);
        Record(Recording is null ? null : JournalOp.UpdateMany(collection, transform, predicate), collection);
        return count;
    }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    {
        var list = ids as IList<BsonValue> ?? ids.ToList();
        var count = inner.Delete(collection, list);
        Record(Recording is null ? null : JournalOp.Delete(collection, list), collection, list);
        return count;
    }

    public int DeleteMany(string collection, BsonExpression predicate)
    {
        var count = inner.DeleteMany(collection, predicate);
        Record(Recording is null ? null : JournalOp.DeleteMany(collection, predicate), collection);
        return count;
    }

    public bool DropCollection(string name)
    {
        var dropped = inner.DropCollection(name);
        Record(Recording is null ? null : JournalOp.DropCollection(name), name);
        return dropped;
    }

    public bool RenameCollection(string name, string newName)
    {
        var renamed = inner.RenameCollection(name, newName);
        Record(Recording is null ? null : JournalOp.RenameCollection(name, newName), name);
        Changed(newName, null);
        return renamed;
    }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique)
    {
        var created = inner.EnsureIndex(collection, name, expression, unique);
        Record(Recording is null ? null : JournalOp.EnsureIndex(collection, name, expression, unique), collection);
        return created;
    }

    public bool DropIndex(string collection, string name)
    {
        var dropped = inner.DropIndex(collection, name);
        Record(Recording is null ? null : JournalOp.DropIndex(collection, name), collection);
        return dropped;
    }

    // The engine is closed by its owner (SharedLiteDatabase), after its writer stopped.
    public void Dispose()
    {
    }

    // The op is built only while recording (callers pass null otherwise): it serializes the documents.
    private void Record(JournalOp? op, string collection, IList<BsonDocument> docs)
    {
        if (op is not null)
        {
            Record(op, collection, docs.Select(d => d["_id"]));
        }
    }

    // ids null: an operation on documents not named one by one, so the whole collection counts as changed.
    private void Record(JournalOp? op, string collection, IEnumerable<BsonValue>? ids = null)
    {
        if (op is not null && Recording is { } recording)
        {
            recording.Add(op);
            Changed(collection, ids);
        }
    }

    private void Changed(string collection, IEnumerable<BsonValue>? ids)
    {
        lock (_changedLock)
        {
            if (ids is null)
            {
                _changed[collection] = null;
                return;
            }

            if (!_changed.TryGetValue(collection, out var changed))
            {
                _changed[collection] = changed = [];
            }

            changed?.UnionWith(ids);
        }
    }
}
