using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Deletes the expired documents of a collection whose time field has no index, a batch of documents per transaction
/// instead of one <c>DeleteMany</c> over the whole collection.
/// </summary>
/// <remarks>
/// LiteDB 5 keeps every page a transaction reads until the transaction ends, and its page cache never gives memory
/// back: one <c>DeleteMany</c> over 100,000 stored conversations read the whole file in one transaction and left the
/// host ~65 MB larger for the rest of its life (docs/benchmarks.md, issue 19, third part). A batch reads a bounded
/// number of pages, and the cache reuses the pages of the batch before for the next one. The batches walk the
/// collection in <c>_id</c> order through its index; each is its own write, so turns go on between them.
/// </remarks>
public static class LiteDbBatchedPurge
{
    /// <summary>Documents read per transaction: a few dozen pages of state, far below a segment of the cache.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// True when <paramref name="field"/> is below <paramref name="cutoff"/> in LiteDB's own order, as the expression
    /// <c>$.field &lt; @0</c> decides it (a missing field is null, which sorts below every number and date).
    /// </summary>
    public static Func<BsonDocument, bool> Before(string field, BsonValue cutoff) =>
        document => document[field].CompareTo(cutoff) < 0;

    /// <summary>Deletes the documents of <paramref name="collection"/> for which <paramref name="expired"/> holds; returns how many.</summary>
    public static Task<int> DeleteAsync(SharedLiteDatabase database, string collection, Func<BsonDocument, bool> expired, CancellationToken cancellationToken) =>
        ForEachBatchAsync(database, collection, (c, batch) => batch.Count(d => expired(d) && c.Delete(d["_id"])), cancellationToken);

    /// <summary>
    /// Runs <paramref name="batchWrite"/> on the documents of <paramref name="collection"/>, a batch of at most
    /// <see cref="BatchSize"/> in <c>_id</c> order per transaction, and sums what it returns.
    /// </summary>
    public static async Task<int> ForEachBatchAsync(
        SharedLiteDatabase database, string collection, Func<ILiteCollection<BsonDocument>, IReadOnlyList<BsonDocument>, int> batchWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(batchWrite);
        var after = BsonValue.MinValue;
        var total = 0;
        while (true)
        {
            var (count, last) = await database.WriteAsync(db =>
            {
                var documents = db.GetCollection(collection);
                // The value as a parameter: the expression text is the same for every batch and compiled once.
                List<BsonDocument> batch = [.. documents.Find(BsonExpression.Create("_id > @0", after), 0, BatchSize)];
                return (batchWrite(documents, batch), batch.Count < BatchSize ? null : batch[^1]["_id"]);
            }, cancellationToken).ConfigureAwait(false);
            total += count;
            if (last is null)
            {
                return total;
            }

            after = last;
        }
    }
}
