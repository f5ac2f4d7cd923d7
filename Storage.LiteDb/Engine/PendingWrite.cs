using LiteDB;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// One write waiting for <see cref="LiteDbWriter"/>: the caller's delegate, its result once the transaction it ran in
/// has committed, and how the caller is told.
/// </summary>
internal abstract class PendingWrite(CancellationToken cancellation)
{
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Schema setup (index creation) runs on its own, outside an explicit transaction, as LiteDB expects.</summary>
    public virtual bool IsSetup => false;

    /// <summary>The conversation whose turn this write commits; the writes that joined that turn run in its transaction.</summary>
    public string? TurnKey { get; set; }

    /// <summary>A read run on the writer thread (behind the write journal): it writes nothing, so delivery marks do
    /// not ride in its batch but in the next turn's.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Runs the delegate inside the writer's current transaction and keeps its result until <see cref="Succeed"/>.</summary>
    public abstract void Run(LiteDatabase database);

    public abstract void Succeed();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

/// <summary>A write whose result the caller awaits.</summary>
internal sealed class PendingWrite<T>(Func<LiteDatabase, T> write, CancellationToken cancellation) : PendingWrite(cancellation)
{
    // Continuations run on the thread pool, never on the writer thread, which goes on with the next batch.
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _done.Task;

    public override void Run(LiteDatabase database) => _result = write(database);

    public override void Succeed() => _done.TrySetResult(_result!);

    public override void Fail(Exception exception) => _done.TrySetException(exception);

    public override void Cancel() => _done.TrySetCanceled(Cancellation);
}
