using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

public sealed class PostgresTopicStatisticsTests : TopicStatisticsContract
{
    protected override async Task<(ITopicStatistics Store, ITopicStatistics? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresTopicStatistics(backend.Database), new PostgresTopicStatistics(backend.Second().Database), backend);
    }

    [Fact]
    public async Task Added_rows_are_folded_into_the_counters_now_and_then_and_every_count_is_listed_exactly_once()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var statistics = new PostgresTopicStatistics(backend.Database);
        var day = new DateOnly(2026, 12, 5);

        for (var i = 0; i < 30; i++)
        {
            await statistics.AddAsync([.. Enumerable.Range(0, 10).Select(j => new TopicDailyCount(day, j % 2 == 0 ? "housing" : "health", TopicCountKind.Asked, 1))], TestContext.Current.CancellationToken);
        }

        var rows = await statistics.ListAsync(day, TestContext.Current.CancellationToken);
        Assert.Equal([("health", 150), ("housing", 150)], rows.Select(r => (r.Topic, r.Count)).Order());
        // 300 adds, folded when the ids passed 128 and 256: what is left unfolded is fewer than 128 rows.
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{backend.Database.Schema}\".topic_added", connection);
        Assert.InRange((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, 0, 127);
    }
}
