using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Dashboard;

/// <summary>
/// Aggregate day counters in a LiteDB collection, one document per counter id: the shared add of the plan and topic
/// statistics.
/// </summary>
public static class LiteDbDailyCounters
{
    /// <summary>
    /// Adds each count to the document with its id, made from <c>fields</c> with a count of 0 when new. Read and
    /// update run in one write: writes to the file are serialized, so no add is lost. With
    /// <paramref name="rideInNextWrite"/> the add rides in the next transaction (a turn's commit) instead of costing one
    /// of its own and a disk sync (<see cref="SharedLiteDatabase.WriteWithNextAsync{T}"/>).
    /// </summary>
    public static Task AddAsync<T>(
        SharedLiteDatabase database, ILiteCollection<BsonDocument> collection, IReadOnlyList<T> counts,
        Func<T, string> id, Func<T, BsonDocument> fields, Func<T, int> count, CancellationToken cancellationToken, bool rideInNextWrite = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return Task.CompletedTask;
        }

        Func<LiteDatabase, bool> add = _ =>
        {
            foreach (var item in counts)
            {
                var key = id(item);
                var doc = collection.FindById(key);
                if (doc is null)
                {
                    doc = fields(item);
                    doc["_id"] = key;
                    doc["count"] = 0;
                }

                doc["count"] = doc["count"].AsInt32 + count(item);
                collection.Upsert(doc);
            }

            return true;
        };
        return rideInNextWrite ? database.WriteWithNextAsync(add) : database.WriteAsync(add, cancellationToken);
    }
}
