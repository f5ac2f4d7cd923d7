using LiteDB;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Dashboard;

/// <summary>Topic counters in the shared LiteDB file (collection <c>topic_daily</c>), one document per counter.</summary>
public sealed class LiteDbTopicStatistics : ITopicStatistics
{
    public const string Collection = "topic_daily";

    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _counts;

    public LiteDbTopicStatistics(SharedLiteDatabase database)
    {
        _database = database;
        _counts = database.Database.GetCollection(Collection);
    }

    /// <summary>Rides in the next transaction (the turn's commit, which comes right after the answer): one per turn.</summary>
    public Task AddAsync(IReadOnlyList<TopicDailyCount> counts, CancellationToken cancellationToken) =>
        LiteDbDailyCounters.AddAsync(_database, _counts, counts, Key, count => new BsonDocument
        {
            ["day"] = Day(count.Date),
            ["topic"] = count.Topic,
            ["kind"] = count.Kind.ToString(),
        }, count => count.Count, cancellationToken, rideInNextWrite: true);

    public Task<IReadOnlyList<TopicDailyCount>> ListAsync(DateOnly from, CancellationToken cancellationToken)
    {
        // yyyy-MM-dd sorts as the date does, so the range is a string comparison (a scan: a few hundred rows a day at most;
        // no index, because creating one is a write outside the gate, see LiteDbCollections).
        return _database.ReadAsync<IReadOnlyList<TopicDailyCount>>(_ => [.. _counts.Find(Query.GTE("day", Day(from))).Select(d => new TopicDailyCount(
            DateOnly.ParseExact(d["day"].AsString, "yyyy-MM-dd"),
            d["topic"].AsString,
            Enum.Parse<TopicCountKind>(d["kind"].AsString),
            d["count"].AsInt32))], cancellationToken);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Key(TopicDailyCount count) => $"{Day(count.Date)}|{count.Topic}|{count.Kind}";
}
