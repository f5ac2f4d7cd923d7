using IntegrationBot.Flows.Plan;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.Plan;

namespace IntegrationBot.Storage.Tests.LiteDb;

public sealed class LiteDbPlanReminderStoreTests : PlanReminderStoreContract
{
    protected override Task<(IPlanReminderStore Store, IPlanReminderStore? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var directory = new TempDataDirectory();
        var database = directory.Open();
        return Task.FromResult<(IPlanReminderStore, IPlanReminderStore?, IAsyncDisposable)>(
            (new LiteDbPlanReminderStore(database), null, new Owner(() => { database.Dispose(); directory.Dispose(); })));
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
