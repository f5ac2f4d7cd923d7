using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Asks the writer to commit LiteDB's open transaction: it runs alone, like a setup, and LiteDB commits before any
/// setup. A read awaits it so that it sees every write journaled before it (<see cref="JournaledCommits"/>).
/// </summary>
internal sealed class PendingBarrier() : PendingWrite(CancellationToken.None)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool IsSetup => true;

    public Task Task => _done.Task;

    public override void Run(LiteDatabase database)
    {
    }

    public override void Succeed() => _done.TrySetResult();

    public override void Fail(Exception exception) => _done.TrySetException(exception);

    public override void Cancel() => _done.TrySetResult();
}
