using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Makes LiteDB's log writes durable with as few fsyncs as possible. Writers note each write handed to the operating
/// system (<see cref="NoteWritten"/>); one background thread runs the fsync. One fsync covers every write made before
/// it started, so all writers that arrive while an fsync runs share the next one (group commit).
/// </summary>
/// <remarks>
/// <see cref="StorageDurability.Fsync"/>: <see cref="WhenDurableAsync"/> completes after an fsync that started after
/// the call. <see cref="StorageDurability.Os"/>: it completes at once and the thread syncs every interval while there
/// are unsynced writes. Either way <see cref="Dispose"/> runs a last fsync.
/// </remarks>
internal sealed class DiskSync : IDisposable
{
    private readonly Action _fsync;
    private readonly TimeSpan _interval;
    private readonly object _gate = new();
    private readonly Thread _thread;

    // Sequence numbers of writes: _written counts writes handed to the OS, _durable is the highest one an fsync covered.
    private long _written;
    private long _durable;
    private TaskCompletionSource? _nextRound;
    private bool _stopping;
    private long _syncCount;

    /// <param name="fsync">The actual fsync; tests pass their own to observe when syncs run.</param>
    /// <param name="threadName">Names the sync thread in dumps and traces.</param>
    public DiskSync(Action fsync, StorageDurability mode, TimeSpan interval, string threadName = "LiteDB disk sync")
    {
        ArgumentNullException.ThrowIfNull(fsync);
        _fsync = fsync;
        Mode = mode;
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    public StorageDurability Mode { get; }

    /// <summary>How many fsyncs have run, for tests and diagnostics.</summary>
    public long SyncCount => Interlocked.Read(ref _syncCount);

    public long Written => Interlocked.Read(ref _written);

    public long Durable => Interlocked.Read(ref _durable);

    /// <summary>Call after a write has returned from the operating system.</summary>
    public void NoteWritten() => Interlocked.Increment(ref _written);

    /// <summary>
    /// Completes when everything written before this call is on disk; in <see cref="StorageDurability.Os"/> mode at
    /// once. A failed fsync fails the waiters of that round.
    /// </summary>
    public Task WhenDurableAsync(CancellationToken cancellationToken)
    {
        var target = Written;
        if (Mode == StorageDurability.Os || Durable >= target)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            // An fsync that is running now may have started before this write: wait for the next round.
            _nextRound ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Monitor.Pulse(_gate);
            return _nextRound.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
    }

    private void Run()
    {
        while (true)
        {
            TaskCompletionSource? round;
            long target;
            bool last;
            lock (_gate)
            {
                if (Mode == StorageDurability.Fsync)
                {
                    while (_nextRound is null && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }
                }
                else if (!_stopping)
                {
                    Monitor.Wait(_gate, _interval);
                }

                round = _nextRound;
                _nextRound = null;
                last = _stopping;
                // Read under the lock after taking the round: every waiter in it noted its write before joining.
                target = Written;
            }

            if (round is not null || target > Durable)
            {
                Sync(round, target);
            }

            if (last)
            {
                return;
            }
        }
    }

    private void Sync(TaskCompletionSource? round, long target)
    {
        try
        {
            _fsync();
            Interlocked.Increment(ref _syncCount);
            Interlocked.Exchange(ref _durable, Math.Max(Durable, target));
            round?.TrySetResult();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // The data is still with the OS; the next round tries again. The waiters learn their write may not be on disk.
            round?.TrySetException(new IOException("The database log could not be synced to disk.", ex));
        }
    }
}
