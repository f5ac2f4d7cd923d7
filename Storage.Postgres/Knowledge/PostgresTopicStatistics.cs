using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Topic counters in table <c>topic_daily</c>, shared by every instance. An add inserts rows into <c>topic_added</c>
/// (<c>ib_topic_add</c>), which are folded into the counters now and then; nothing waits for a shared counter row, and
/// adds from instances at the same moment are all counted. Reading sums both.
/// </summary>
public sealed class PostgresTopicStatistics(PostgresDatabase database) : ITopicStatistics
{
    /// <summary>
    /// Added by the turn's commit call when a turn is open in the caller's flow (<see cref="JoinedWrites"/>; the flows
    /// count just before the commit, and the counter never holds up the answer): no round trip of their own. Otherwise
    /// added at once.
    /// </summary>
    public Task AddAsync(IReadOnlyList<TopicDailyCount> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Count == 0 || JoinedWrites.Current is { } turn && turn.TryJoin(database, this, counts)
            ? Task.CompletedTask
            : AddNowAsync(counts, cancellationToken);
    }

    /// <summary>All counts in one statement.</summary>
    internal async Task AddNowAsync(IReadOnlyList<TopicDailyCount> counts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "SELECT ib_topic_add(@cd, @ct, @ck, @cv)", cancellationToken, Arguments(counts));
    }

    /// <summary>The arguments of <c>ib_topic_add</c> (named as <c>ib_turn_commit</c>'s call names them too).</summary>
    internal static (string Name, object? Value)[] Arguments(IReadOnlyList<TopicDailyCount> counts) =>
    [
        ("cd", counts.Select(c => c.Date).ToArray()),
        ("ct", counts.Select(c => c.Topic).ToArray()),
        ("ck", counts.Select(c => c.Kind.ToString()).ToArray()),
        ("cv", counts.Select(c => c.Count).ToArray()),
    ];

    public async Task<IReadOnlyList<TopicDailyCount>> ListAsync(DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Counts not folded into topic_daily yet are rows of topic_added (see ib_topic_add): the two summed.
        return await Sql.ListAsync(
            connection,
            """
            SELECT day, topic, kind, sum(count)::integer FROM (
                SELECT day, topic, kind, count FROM topic_daily WHERE day >= @from
                UNION ALL
                SELECT day, topic, kind, count FROM topic_added WHERE day >= @from) AS c
            GROUP BY day, topic, kind ORDER BY day, topic, kind
            """,
            r => new TopicDailyCount(r.GetFieldValue<DateOnly>(0), r.GetString(1), Enum.Parse<TopicCountKind>(r.GetString(2)), r.GetInt32(3)),
            cancellationToken, ("from", from));
    }
}
