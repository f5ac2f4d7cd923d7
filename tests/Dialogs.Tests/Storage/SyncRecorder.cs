using System.Collections.Concurrent;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// Wraps the log's real fsync to record, for each sync, how long the log file was when it started (an fsync covers
/// every byte written before it started) and whether it finished. A gate can hold syncs to make timing deterministic.
/// </summary>
internal sealed class SyncRecorder(string logFile)
{
    private readonly ConcurrentQueue<long> _finishedCoverage = new();
    private readonly object _gate = new();
    private int _started;
    private bool _hold;
    private bool _released;

    public int Started => Volatile.Read(ref _started);

    public int Finished => _finishedCoverage.Count;

    /// <summary>The largest log length a finished sync is known to cover.</summary>
    public long Covered => _finishedCoverage.IsEmpty ? -1 : _finishedCoverage.Max();

    /// <summary>Syncs wait (on the disk sync thread) until <see cref="Release"/>.</summary>
    public SyncRecorder Holding()
    {
        _hold = true;
        return this;
    }

    public void Release()
    {
        lock (_gate)
        {
            _released = true;
            Monitor.PulseAll(_gate);
        }
    }

    public Action Decorate(Action fsync) => () =>
    {
        var length = new FileInfo(logFile).Length;
        Interlocked.Increment(ref _started);
        lock (_gate)
        {
            // Never throw here: this runs on the disk sync thread. A test that failed before releasing times out instead.
            if (_hold && !_released)
            {
                Monitor.Wait(_gate, TimeSpan.FromSeconds(30));
            }
        }

        fsync();
        _finishedCoverage.Enqueue(length);
    };

    /// <summary>
    /// Starts <paramref name="writers"/> concurrent writes while this recorder holds the first sync, checks that every
    /// write ran and none returned before a sync, releases the sync and waits for them all.
    /// </summary>
    public async Task WriteConcurrentlyWhileTheFirstSyncIsHeldAsync(IntegrationBot.Storage.LiteDb.Engine.SharedLiteDatabase database, int writers, CancellationToken ct)
    {
        var bodies = 0;
        var writes = Enumerable.Range(0, writers).Select(i => Task.Run(
            () => database.WriteAsync(
                db =>
                {
                    Interlocked.Increment(ref bodies);
                    return db.GetCollection("probe").Insert(new LiteDB.BsonDocument { ["_id"] = i });
                },
                ct),
            ct)).ToList();

        try
        {
            // The first sync is held while every other writer commits (or journals its frame) behind it.
            await EventuallyAsync(() => Volatile.Read(ref bodies) == writers && Started >= 1, ct);
            Assert.All(writes, w => Assert.False(w.IsCompleted));
        }
        finally
        {
            Release();
        }

        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>Polls until <paramref name="condition"/> holds or fails after a deadline.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(5, cancellationToken);
        }
    }
}
