using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.State;

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

        var facts = LiteDbHotState.For(database).Facts;
        Func<LiteDatabase, bool> add = _ =>
        {
            foreach (var item in counts)
            {
                var key = id(item);
                // A counter this process wrote is known without a query (only the stores write these collections).
                var current = facts.TryGetCounter(collection.Name, key, out var known)
                    ? (int)known
                    : collection.FindById(key)?["count"].AsInt32 ?? 0;
                var doc = fields(item);
                doc["_id"] = key;
                doc["count"] = current + count(item);
                collection.Upsert(doc);
                facts.CounterWritten(collection.Name, key, current + count(item));
            }

            return true;
        };
        return rideInNextWrite ? database.WriteWithNextAsync(add) : database.WriteAsync(add, cancellationToken);
    }
}
