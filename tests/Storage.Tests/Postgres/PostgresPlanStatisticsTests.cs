using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Postgres.Plan;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.Postgres;

public sealed class PostgresPlanStatisticsTests : PlanStatisticsContract
{
    protected override async Task<(IPlanStatistics Store, IPlanStatistics? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresPlanStatistics(backend.Database), new PostgresPlanStatistics(backend.Second().Database), backend);
    }
}
