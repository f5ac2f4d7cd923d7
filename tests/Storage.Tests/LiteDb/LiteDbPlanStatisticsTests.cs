using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.Dashboard;

namespace IntegrationBot.Storage.Tests.LiteDb;

public sealed class LiteDbPlanStatisticsTests : PlanStatisticsContract
{
    protected override Task<(IPlanStatistics Store, IPlanStatistics? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var directory = new TempDataDirectory();
        var database = directory.Open();
        return Task.FromResult<(IPlanStatistics, IPlanStatistics?, IAsyncDisposable)>(
            (new LiteDbPlanStatistics(database), null, new Owner(() => { database.Dispose(); directory.Dispose(); })));
    }

    private sealed class Owner(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
