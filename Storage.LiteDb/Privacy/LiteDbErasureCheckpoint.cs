using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Privacy;

/// <summary>
/// After an erasure, checkpoints the LiteDB file: until then its log file (integrationbot-log.db) still holds the
/// erased text in old page copies, also across a crash, until a clean shutdown or a size-triggered checkpoint.
/// </summary>
/// <remarks>Waits <see cref="Delay"/> first, so the turn that erased (its state and last reply commit at its end) and
/// the other stores' erasures are in the log before it is written away; requests meanwhile share one checkpoint.</remarks>
public sealed class LiteDbErasureCheckpoint(SharedLiteDatabase database, TimeProvider time) : IErasureCheckpoint, IDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    public void Erased()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer ??= time.CreateTimer(_ => Run(), null, Delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Run()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed)
            {
                return;
            }
        }

        // A database closed meanwhile has checkpointed on closing.
        database.Checkpoint();
    }
}
