using LiteDB;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Handoff.Dashboard;

namespace IntegrationBot.Storage.LiteDb.Dashboard;

/// <summary>Plan counters in the shared LiteDB file (collection <c>plan_daily</c>), one document per counter.</summary>
public sealed class LiteDbPlanStatistics : IPlanStatistics
{
    public const string Collection = "plan_daily";

    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _counts;

    public LiteDbPlanStatistics(SharedLiteDatabase database)
    {
        _database = database;
        _counts = database.Database.GetCollection(Collection);
    }

    public Task AddAsync(IReadOnlyList<PlanDailyCount> counts, CancellationToken cancellationToken) =>
        LiteDbDailyCounters.AddAsync(_database, _counts, counts, Key, count => new BsonDocument
        {
            ["day"] = count.Date.ToString("yyyy-MM-dd"),
            ["language"] = count.Language,
            ["kind"] = count.Kind.ToString(),
            ["step"] = count.Step,
        }, count => count.Count, cancellationToken);

    public Task<IReadOnlyList<PlanDailyCount>> ListAsync(CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<PlanDailyCount>>(_ => [.. _counts.FindAll().Select(d => new PlanDailyCount(
            DateOnly.ParseExact(d["day"].AsString, "yyyy-MM-dd"),
            d["language"].AsString,
            Enum.Parse<PlanCountKind>(d["kind"].AsString),
            d["step"].AsString,
            d["count"].AsInt32))], cancellationToken);
    }

    private static string Key(PlanDailyCount count) => $"{count.Date:yyyy-MM-dd}|{count.Language}|{count.Kind}|{count.Step}";
}
