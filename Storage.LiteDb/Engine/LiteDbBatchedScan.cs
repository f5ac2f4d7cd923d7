using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Reads a whole collection a batch of documents per transaction: the retention purge of a collection whose time field
/// has no index (instead of one <c>DeleteMany</c> over it), and the inbound filter's load.
/// </summary>
/// <remarks>
/// LiteDB 5 keeps every page a transaction reads until the transaction ends, and its page cache never gives memory
/// back: one <c>DeleteMany</c> over 100,000 stored conversations read the whole file in one transaction and left the
/// host ~65 MB larger for the rest of its life (docs/benchmarks.md, issue 19, third part). A batch reads a bounded
/// number of pages, and the cache reuses the pages of the batch before for the next one. The batches walk the
/// collection in <c>_id</c> order through its index; each is its own write, so turns go on between them.
/// </remarks>
public static class LiteDbBatchedScan
{
    /// <summary>Documents read per transaction: a few dozen pages of state, far below a segment of the cache.</summary>
    public const int BatchSize = 500;

    /// <summary>Documents per read transaction of <see cref="Ids"/>: small ones (an id and a time), so more of them.</summary>
    public const int ReadBatchSize = 5_000;

    /// <summary>
    /// True when <paramref name="field"/> is below <paramref name="cutoff"/> in LiteDB's own order, as the expression
    /// <c>$.field &lt; @0</c> decides it (a missing field is null, which sorts below every number and date).
    /// </summary>
    public static Func<BsonDocument, bool> Before(string field, BsonValue cutoff) =>
        document => document[field].CompareTo(cutoff) < 0;

    /// <summary>
    /// The <c>_id</c>s of <paramref name="collection"/>, read lazily outside the writer, each batch in a read of its own
    /// (alone in the engine, so turns go on between batches); for a load on a background thread that must not grow the
    /// cache with the whole collection. It blocks that thread while waiting for each batch's turn.
    /// </summary>
    public static IEnumerable<BsonValue> Ids(SharedLiteDatabase database, string collection)
    {
        ArgumentNullException.ThrowIfNull(database);
        var after = BsonValue.MinValue;
        while (true)
        {
            var from = after;
            var batch = database.ReadBlocking(db => NextBatch(db, collection, from).Select(d => d["_id"]).ToList());
            foreach (var id in batch)
            {
                yield return id;
            }

            if (batch.Count < ReadBatchSize)
            {
                yield break;
            }

            after = batch[^1];
        }
    }

    /// <summary>
    /// The documents of <paramref name="collection"/> for which <paramref name="keep"/> holds, read on the calling thread
    /// a batch per read (for setup on the writer thread, outside any transaction, as a store converts an earlier layout):
    /// only the kept documents stay in memory, and the page cache does not grow to the collection.
    /// </summary>
    public static List<BsonDocument> Where(LiteDatabase database, string collection, Func<BsonDocument, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(keep);
        var kept = new List<BsonDocument>();
        var after = BsonValue.MinValue;
        while (true)
        {
            var batch = NextBatch(database, collection, after);
            kept.AddRange(batch.Where(keep));
            if (batch.Count < ReadBatchSize)
            {
                return kept;
            }

            after = batch[^1]["_id"];
        }
    }

    // The next documents in _id order after `after`, through the _id index: one read transaction.
    private static List<BsonDocument> NextBatch(LiteDatabase database, string collection, BsonValue after) =>
        database.GetCollection(collection).Find(BsonExpression.Create("_id > @0", after), 0, ReadBatchSize).ToList();

    /// <summary>Deletes the documents of <paramref name="collection"/> for which <paramref name="expired"/> holds; returns how many.</summary>
    public static Task<int> DeleteAsync(SharedLiteDatabase database, string collection, Func<BsonDocument, bool> expired, CancellationToken cancellationToken) =>
        ForEachBatchAsync(database, collection, (db, batch) => batch.Count(d => expired(d) && db.GetCollection(collection).Delete(d["_id"])), cancellationToken);

    /// <summary>
    /// Runs <paramref name="batchWrite"/> (in the batch's transaction) on the documents of <paramref name="collection"/>, a batch of at most
    /// <see cref="BatchSize"/> in <c>_id</c> order per transaction, and sums what it returns.
    /// </summary>
    public static async Task<int> ForEachBatchAsync(
        SharedLiteDatabase database, string collection, Func<LiteDatabase, IReadOnlyList<BsonDocument>, int> batchWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(batchWrite);
        var after = BsonValue.MinValue;
        var total = 0;
        while (true)
        {
            var (count, last) = await database.WriteAsync(db =>
            {
                // The value as a parameter: the expression text is the same for every batch and compiled once.
                List<BsonDocument> batch = [.. db.GetCollection(collection).Find(BsonExpression.Create("_id > @0", after), 0, BatchSize)];
                return (batchWrite(db, batch), batch.Count < BatchSize ? null : batch[^1]["_id"]);
            }, cancellationToken).ConfigureAwait(false);
            total += count;
            // A transaction of its own per batch, also behind the write journal: LiteDB keeps the pages a transaction
            // read until it ends, and one over the whole collection kept the page cache as large as the file.
            await database.CommitJournalAsync().ConfigureAwait(false);
            if (last is null)
            {
                return total;
            }

            after = last;
        }
    }
}
