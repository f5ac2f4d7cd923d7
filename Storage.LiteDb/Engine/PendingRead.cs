using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// A read the writer runs alone, like a setup: LiteDB's open transaction behind the write journal commits first, so the
/// read sees every write journaled before it (<see cref="JournaledCommits"/>), whatever its size.
/// </summary>
internal sealed class PendingRead<T>(Func<LiteDatabase, T> read) : PendingWrite(CancellationToken.None)
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public override bool IsSetup => true;

    public Task<T> Task => _done.Task;

    public override void Run(LiteDatabase database) => _result = read(database);

    public override void Succeed() => _done.TrySetResult(_result!);

    public override void Fail(Exception exception) => _done.TrySetException(exception);

    public override void Cancel() => _done.TrySetCanceled();
}
