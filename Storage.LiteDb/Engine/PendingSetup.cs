using LiteDB;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>Index creation, a checkpoint and the like: run alone on the writer thread, between transactions.</summary>
internal sealed class PendingSetup(Action<LiteDatabase> setup) : PendingWrite(CancellationToken.None)
{
    // Continuations run on the thread pool, never on the writer thread (a backup's copy must not run there).
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool IsSetup => true;

    /// <summary>Completes once the writer ran the setup; faults with its exception.</summary>
    public Task Done => _done.Task;

    public override void Run(LiteDatabase database) => setup(database);

    public override void Succeed() => _done.TrySetResult();

    public override void Fail(Exception exception) => _done.TrySetException(exception);

    public override void Cancel() => Succeed();

    /// <summary>Blocks until the writer ran the setup (stores call it from constructors); rethrows its exception.</summary>
    public void WaitUntilDone() => Done.GetAwaiter().GetResult();
}
