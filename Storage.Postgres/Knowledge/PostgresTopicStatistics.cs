using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Topic counters in table <c>topic_daily</c>, shared by every instance. Each add is one INSERT ... ON CONFLICT that
/// increments the row, so adds from instances at the same moment are all counted.
/// </summary>
public sealed class PostgresTopicStatistics(PostgresDatabase database) : ITopicStatistics
{
    public Task AddAsync(IReadOnlyList<TopicDailyCount> counts, CancellationToken cancellationToken) =>
        DailyCounters.AddAsync(database, counts, """
            INSERT INTO topic_daily (day, topic, kind, count) VALUES (@d, @t, @k, @c)
            ON CONFLICT (day, topic, kind) DO UPDATE SET count = topic_daily.count + excluded.count
            """, count => [("d", count.Date), ("t", count.Topic), ("k", count.Kind.ToString()), ("c", count.Count)], cancellationToken);

    public async Task<IReadOnlyList<TopicDailyCount>> ListAsync(DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, "SELECT day, topic, kind, count FROM topic_daily WHERE day >= @from ORDER BY day, topic, kind",
            r => new TopicDailyCount(r.GetFieldValue<DateOnly>(0), r.GetString(1), Enum.Parse<TopicCountKind>(r.GetString(2)), r.GetInt32(3)),
            cancellationToken, ("from", from));
    }
}
