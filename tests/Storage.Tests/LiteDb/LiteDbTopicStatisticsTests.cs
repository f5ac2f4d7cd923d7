using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Storage.Tests.Contracts;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.Dashboard;

namespace IntegrationBot.Storage.Tests.LiteDb;

public sealed class LiteDbTopicStatisticsTests : TopicStatisticsContract
{
    protected override Task<(ITopicStatistics Store, ITopicStatistics? Second, IAsyncDisposable Owner)> OpenAsync()
    {
        var directory = new TempDataDirectory();
        var database = directory.Open();
        return Task.FromResult<(ITopicStatistics, ITopicStatistics?, IAsyncDisposable)>(
            (new LiteDbTopicStatistics(database), null, new Owner(() => { database.Dispose(); directory.Dispose(); })));
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
