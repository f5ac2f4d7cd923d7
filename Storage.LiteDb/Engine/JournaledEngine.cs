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
    /// <summary>Where the running write's changes go; null outside the writer's journaled batches (setup, recovery).</summary>
    public List<JournalOp>? Recording { get; set; }

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
        Recording?.Add(JournalOp.Insert(collection, list, autoId));
        return count;
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    {
        var list = docs as IList<BsonDocument> ?? docs.ToList();
        var count = inner.Update(collection, list);
        Recording?.Add(JournalOp.Update(collection, list));
        return count;
    }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        var list = docs as IList<BsonDocument> ?? docs.ToList();
        var count = inner.Upsert(collection, list, autoId);
        Recording?.Add(JournalOp.Upsert(collection, list, autoId));
        return count;
    }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    {
        var count = inner.UpdateMany(collection, transform, predicate);
        Recording?.Add(JournalOp.UpdateMany(collection, transform, predicate));
        return count;
    }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    {
        var list = ids as IList<BsonValue> ?? ids.ToList();
        var count = inner.Delete(collection, list);
        Recording?.Add(JournalOp.Delete(collection, list));
        return count;
    }

    public int DeleteMany(string collection, BsonExpression predicate)
    {
        var count = inner.DeleteMany(collection, predicate);
        Recording?.Add(JournalOp.DeleteMany(collection, predicate));
        return count;
    }

    public bool DropCollection(string name)
    {
        var dropped = inner.DropCollection(name);
        Recording?.Add(JournalOp.DropCollection(name));
        return dropped;
    }

    public bool RenameCollection(string name, string newName)
    {
        var renamed = inner.RenameCollection(name, newName);
        Recording?.Add(JournalOp.RenameCollection(name, newName));
        return renamed;
    }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique)
    {
        var created = inner.EnsureIndex(collection, name, expression, unique);
        Recording?.Add(JournalOp.EnsureIndex(collection, name, expression, unique));
        return created;
    }

    public bool DropIndex(string collection, string name)
    {
        var dropped = inner.DropIndex(collection, name);
        Recording?.Add(JournalOp.DropIndex(collection, name));
        return dropped;
    }

    // The engine is closed by its owner (SharedLiteDatabase), after its writer stopped.
    public void Dispose()
    {
    }
}
