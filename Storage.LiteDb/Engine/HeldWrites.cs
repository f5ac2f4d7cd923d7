namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Writes <see cref="LiteDbWriter"/> holds back for a transaction that is coming anyway: those joined to a
/// conversation's next turn commit (its transcript lines) and riders that go into the next transaction, whatever it is
/// (delivery marks). Each runs on its own once it waited long enough: the turn failed, or nothing else was written.
/// Not thread-safe: the writer uses it under its lock.
/// </summary>
internal sealed class HeldWrites
{
    // How long a write waits for the turn commit it joins before it runs without it: the turn failed.
    public static readonly TimeSpan JoinWait = TimeSpan.FromSeconds(1);
    private static readonly long JoinWaitMs = (long)JoinWait.TotalMilliseconds;
    // How long a rider waits for a transaction to ride in before it gets one of its own.
    private static readonly long RideWaitMs = (long)TimeSpan.FromMilliseconds(5).TotalMilliseconds;

    // By conversation key, with when the first of them came.
    private readonly Dictionary<string, (long Since, List<PendingWrite> Writes)> _joined = new(StringComparer.Ordinal);
    private readonly List<PendingWrite> _riders = [];
    private long _ridersSince;

    public bool IsEmpty => _joined.Count == 0 && _riders.Count == 0;

    public bool HasRiders => _riders.Count > 0;

    /// <summary>How long the writer may sleep before a held write is due (infinite when none is held).</summary>
    public TimeSpan NextWait =>
        _riders.Count > 0 ? TimeSpan.FromMilliseconds(RideWaitMs)
        : _joined.Count > 0 ? TimeSpan.FromMilliseconds(JoinWaitMs)
        : Timeout.InfiniteTimeSpan;

    /// <summary>Holds <paramref name="write"/> for the next turn commit of <paramref name="turnKey"/>; true when it is the first held for it.</summary>
    public bool Join(string turnKey, PendingWrite write)
    {
        if (_joined.TryGetValue(turnKey, out var waiting))
        {
            waiting.Writes.Add(write);
            return false;
        }

        _joined[turnKey] = (Environment.TickCount64, [write]);
        return true;
    }

    /// <summary>Holds <paramref name="write"/> for the next transaction; true when it is the first rider held.</summary>
    public bool Ride(PendingWrite write)
    {
        var first = _riders.Count == 0;
        if (first)
        {
            _ridersSince = Environment.TickCount64;
        }

        _riders.Add(write);
        return first;
    }

    /// <summary>Moves the riders into <paramref name="batch"/>: they go into the transaction being built.</summary>
    public void TakeRiders(List<PendingWrite> batch)
    {
        batch.AddRange(_riders);
        _riders.Clear();
    }

    /// <summary>
    /// Riders (delivery marks) go first into a batch that writes anyway. A read on the writer thread (a read-only
    /// batch) leaves them for the turn commit that usually follows it, unless they waited long enough; a setup runs alone.
    /// </summary>
    public void TakeRidersFor(List<PendingWrite> batch, bool stopping)
    {
        if (_riders.Count == 0 || batch is [{ IsSetup: true }])
        {
            return;
        }

        if (batch.Count == 0 || batch.Exists(write => !write.ReadOnly) || RidersDue(stopping))
        {
            batch.InsertRange(0, _riders);
            _riders.Clear();
        }
    }

    /// <summary>Moves the writes joined to <paramref name="turnKey"/>'s turn into <paramref name="batch"/>, ahead of its commit.</summary>
    public void TakeJoined(string turnKey, List<PendingWrite> batch)
    {
        if (_joined.Remove(turnKey, out var joined))
        {
            batch.AddRange(joined.Writes);
        }
    }

    /// <summary>Whether the riders waited long enough for a transaction to ride in (all are due once the writer stops).</summary>
    public bool RidersDue(bool stopping) => _riders.Count > 0 && (stopping || Elapsed(_ridersSince) >= RideWaitMs);

    /// <summary>Whether a held write waited long enough (all are due once the writer stops).</summary>
    public bool AnyDue(bool stopping) =>
        RidersDue(stopping) || AnyJoinedDue(stopping);

    /// <summary>Moves the joined writes whose turn commit did not come in time into <paramref name="batch"/>.</summary>
    public void TakeDueJoined(List<PendingWrite> batch, bool stopping)
    {
        // Checked first: this runs for every batch, and the copy below is only needed when something is due.
        if (!AnyJoinedDue(stopping))
        {
            return;
        }

        foreach (var (key, (since, writes)) in _joined.ToList())
        {
            if (JoinedDue(since, stopping))
            {
                _joined.Remove(key);
                batch.AddRange(writes);
            }
        }
    }

    private bool AnyJoinedDue(bool stopping)
    {
        foreach (var (since, _) in _joined.Values)
        {
            if (JoinedDue(since, stopping))
            {
                return true;
            }
        }

        return false;
    }

    private static bool JoinedDue(long since, bool stopping) => stopping || Elapsed(since) >= JoinWaitMs;

    private static long Elapsed(long since) => Environment.TickCount64 - since;
}
