using System.Runtime.ExceptionServices;
using LiteDB;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>Index creation and the like: run alone and waited for synchronously (stores call it from constructors).</summary>
internal sealed class PendingSetup(Action<LiteDatabase> setup) : PendingWrite(CancellationToken.None)
{
    private readonly ManualResetEventSlim _done = new();
    private Exception? _failure;

    public override bool IsSetup => true;

    public override void Run(LiteDatabase database) => setup(database);

    public override void Succeed() => _done.Set();

    public override void Fail(Exception exception)
    {
        _failure = exception;
        _done.Set();
    }

    public override void Cancel() => Succeed();

    /// <summary>Blocks until the writer ran the setup; rethrows its exception.</summary>
    public void WaitUntilDone()
    {
        _done.Wait();
        _done.Dispose();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
    }
}
