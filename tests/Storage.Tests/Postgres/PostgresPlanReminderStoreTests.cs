using IntegrationBot.Flows.Plan;
using IntegrationBot.Storage.Postgres.Plan;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.Storage.Tests.Support;

namespace IntegrationBot.Storage.Tests.Postgres;

public sealed class PostgresPlanReminderStoreTests : PlanReminderStoreContract
{
    protected override async Task<(IPlanReminderStore Store, IPlanReminderStore? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        return (new PostgresPlanReminderStore(backend.Database), new PostgresPlanReminderStore(backend.Second().Database), backend);
    }
}
