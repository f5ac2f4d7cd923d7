using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>Keeps the writer thread busy inside a write until released, so the writes made meanwhile queue up.</summary>
internal sealed class WriterBlocker : IDisposable
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _release = new();
    private readonly Task _write;

    public WriterBlocker(SharedLiteDatabase database, CancellationToken ct)
    {
        // On another thread: an idle database runs a write at once on the caller's thread.
        _write = Task.Run(
            () => database.WriteWithoutWaitingForDiskAsync(
                _ =>
                {
                    _entered.Set();
                    _release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
                    return 0;
                },
                ct),
            ct);
        Assert.True(_entered.Wait(TimeSpan.FromSeconds(30), ct), "the writer thread never started the blocking write");
    }

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _write.GetAwaiter().GetResult();
        _entered.Dispose();
        _release.Dispose();
    }
}
