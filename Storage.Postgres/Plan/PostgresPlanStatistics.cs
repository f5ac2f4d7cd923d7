using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Plan;

/// <summary>
/// Plan counters in table <c>plan_daily</c>, shared by every instance. Each add is one INSERT ... ON CONFLICT that
/// increments the row, so adds from instances at the same moment are all counted.
/// </summary>
public sealed class PostgresPlanStatistics(PostgresDatabase database) : IPlanStatistics
{
    public Task AddAsync(IReadOnlyList<PlanDailyCount> counts, CancellationToken cancellationToken) =>
        DailyCounters.AddAsync(database, counts, """
            INSERT INTO plan_daily (day, language, kind, step, count) VALUES (@d, @l, @k, @s, @c)
            ON CONFLICT (day, language, kind, step) DO UPDATE SET count = plan_daily.count + excluded.count
            """, count => [("d", count.Date), ("l", count.Language), ("k", count.Kind.ToString()), ("s", count.Step), ("c", count.Count)], cancellationToken);

    public async Task<IReadOnlyList<PlanDailyCount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, "SELECT day, language, kind, step, count FROM plan_daily ORDER BY day, language, kind, step",
            r => new PlanDailyCount(r.GetFieldValue<DateOnly>(0), r.GetString(1), Enum.Parse<PlanCountKind>(r.GetString(2)), r.GetString(3), r.GetInt32(4)),
            cancellationToken);
    }
}
