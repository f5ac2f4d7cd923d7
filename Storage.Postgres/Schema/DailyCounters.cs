namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>The shared add of the aggregate day counters (the plan statistics; topic counts have <c>ib_topic_add</c>): one upsert per count.</summary>
internal static class DailyCounters
{
    /// <summary>
    /// Runs <paramref name="upsert"/> (an INSERT … ON CONFLICT … DO UPDATE SET count = count + excluded.count) once per
    /// count on one connection, so adds from instances at the same moment are all counted.
    /// </summary>
    public static async Task AddAsync<T>(
        PostgresDatabase database, IReadOnlyList<T> counts, string upsert, Func<T, (string Name, object? Value)[]> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var count in counts)
        {
            await Sql.ExecuteAsync(connection, upsert, cancellationToken, parameters(count));
        }
    }
}
