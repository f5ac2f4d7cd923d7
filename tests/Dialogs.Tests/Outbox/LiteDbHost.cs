using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Dialogs.Tests.Outbox;

/// <summary>One "process lifetime" on a real LiteDB file: dispose it to simulate a stop or crash, then open a new one.</summary>
internal sealed class LiteDbHost : IDisposable
{
    private readonly SharedLiteDatabase _database;

    public LiteDbHost(TempDataDirectory directory, TimeProvider time, OutboxOptions? outboxOptions = null, IEnumerable<IMiddleware>? middleware = null)
    {
        _database = directory.Open();
        Adapter = TestAdapter.Create(
            new LiteDbStorage(_database),
            new LiteDbTurnStore(_database, time),
            new LiteDbOutboxStore(_database),
            time,
            middleware,
            outboxOptions);
    }

    public TestAdapter Adapter { get; }

    public void Dispose() => _database.Dispose();
}
