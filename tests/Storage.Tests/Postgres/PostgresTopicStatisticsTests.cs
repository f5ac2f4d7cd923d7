using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.Postgres;

public sealed class PostgresTopicStatisticsTests : TopicStatisticsContract
{
    protected override async Task<(ITopicStatistics Store, ITopicStatistics? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresTopicStatistics(backend.Database), new PostgresTopicStatistics(backend.Second().Database), backend);
    }
}
