using LiteDB;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Runs every write to the process's <see cref="LiteDatabase"/>, one transaction at a time. A write that finds the
/// database idle runs at once on the caller's thread. Writes that arrive while one runs queue up, and the writer's
/// own thread takes all that are waiting and runs them one after another inside a single LiteDB transaction (write
/// combining).
/// </summary>
/// <remarks>
/// Why: a LiteDB commit costs far more than the writes in it (it rewrites the header, collection and index pages the
/// writes touched), and LiteDB 5 cannot run two write transactions at once safely (litedb-org/LiteDB#2825), so every
/// write was serial and each paid a whole commit. Under load the queue holds the writes of many conversations, and
/// one commit now serves all of them. Semantics stay those of one transaction per write: the writes of a batch run in
/// arrival order, each sees the ones before it, and a caller hears of success only after the commit. When one write
/// throws, the batch is rolled back, that write alone fails with its exception and the others run again without it:
/// they then see exactly what they would have seen had the failed write run in a transaction of its own.
/// The idle path keeps a lone write (a quiet office at night, a benchmark's sequential turns) free of thread switches.
/// </remarks>
internal sealed class LiteDbWriter : IDisposable
{
    // Bounds a transaction's size and the wait of the first write in a long queue.
    private const int MaxBatch = 128;

    private readonly LiteDatabase _database;
    private readonly JournaledCommits? _journal;
    private readonly DirectCommits _direct;
    private readonly Action _afterCommit;
    private readonly Action<bool> _transactionEnded;
    private readonly Queue<PendingWrite> _queue = new();
    // Writes waiting for their conversation's turn commit, and riders for the next transaction (see Join, RideNext).
    private readonly HeldWrites _held = new();
    private readonly object _sync = new();
    private readonly Thread _thread;
    private bool _stopping;
    // True while a transaction runs, on the writer thread or inline on a caller's.
    private bool _busy;
    // How long the writer thread's current wait may last (under _sync): a held write need not wake a writer that will
    // look at it soon enough anyway.
    private TimeSpan _waiting = Timeout.InfiniteTimeSpan;
    private long _transactions;
    private long _wakeUps;

    /// <summary>
    /// Held by whoever is inside LiteDB's engine: the writer around each transaction and setup, and each read
    /// (<see cref="SharedLiteDatabase.ReadAsync{T}"/>), so reads and writes never run in the engine together.
    /// </summary>
    public SemaphoreSlim EngineGate { get; } = new(1, 1);

    /// <param name="afterCommit">Runs on the writer thread after each commit (waits until LiteDB's log pages are in the file).</param>
    /// <param name="transactionEnded">Runs when a transaction committed (true) or rolled back (false), before the next begins;
    /// with a journal, when a batch's frame was written (true) or the batch rolled back (false).</param>
    /// <param name="journal">When set, batches are journaled and LiteDB commits behind them (<see cref="JournaledCommits"/>).</param>
    public LiteDbWriter(LiteDatabase database, Action afterCommit, Action<bool>? transactionEnded = null, JournaledCommits? journal = null)
    {
        _database = database;
        _afterCommit = afterCommit;
        _journal = journal;
        _transactionEnded = transactionEnded ?? (_ => { });
        _direct = new DirectCommits(database, afterCommit, _transactionEnded);
        if (journal is not null)
        {
            journal.Wake = () =>
            {
                lock (_sync)
                {
                    Monitor.Pulse(_sync);
                }
            };
        }

        // A thread of its own: LiteDB transactions belong to a thread, and the writer must not wait for a pool thread
        // behind hundreds of busy connections.
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far, for tests and diagnostics (fewer than writes when writes were combined).
    /// With a journal, the frames journaled (batches that wrote something): each is atomic and durable like a transaction
    /// (LiteDB's own commits: <see cref="JournaledCommits.Commits"/>).</summary>
    public long Transactions => _journal?.Frames ?? Interlocked.Read(ref _transactions);

    /// <summary>How often another thread woke the writer thread from a wait (not its own timeouts), for tests and diagnostics.</summary>
    public long WakeUps => Interlocked.Read(ref _wakeUps);

    /// <summary>Batches are journaled that LiteDB has not committed: a read must call <see cref="CommitJournalAsync"/> first.</summary>
    public bool HasUncommittedJournal => _journal?.IsOpen ?? false;

    /// <summary>Like <see cref="HasUncommittedJournal"/>, for a read of only these documents.</summary>
    public bool HasUncommittedJournalFor(string collection, IEnumerable<BsonValue> ids) =>
        _journal is { IsOpen: true } journal && journal.Engine.AnyChanged(collection, ids);

    /// <summary>Completes once LiteDB committed (and so ended) its open transaction with every batch journaled before
    /// the call; at once without a journal.</summary>
    public Task CommitJournalAsync()
    {
        if (_journal is null)
        {
            return Task.CompletedTask;
        }

        var commit = new PendingRead<bool>(_ => true);
        Enqueue(commit);
        return commit.Task;
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own on this thread when nothing else is writing or waiting.</summary>
    /// <param name="turnKey">The conversation whose turn <paramref name="write"/> commits: the writes that joined it (see
    /// <see cref="Join"/>) run first in the same transaction.</param>
    /// <returns>The write's outcome, or null (nothing ran) when the database is busy: queue the write instead.</returns>
    public Task<T>? TryRunNow<T>(Func<LiteDatabase, T> write, string? turnKey = null)
    {
        // LiteDB's open transaction belongs to the writer thread: with a journal every write runs there.
        if (_journal is not null)
        {
            return null;
        }

        List<PendingWrite>? joined = null;
        lock (_sync)
        {
            // A read inside the engine: the caller does not block on it; the writer thread waits its turn instead.
            if (_busy || _stopping || _queue.Count > 0 || !EngineGate.Wait(0))
            {
                return null;
            }

            if (!_held.IsEmpty)
            {
                joined = [];
                _held.TakeRiders(joined);
                if (turnKey is not null)
                {
                    _held.TakeJoined(turnKey, joined);
                }
            }

            _busy = true;
        }

        try
        {
            if (joined is { Count: > 0 })
            {
                // Not cancellable: the caller is here, on this thread, until it ends.
                var turn = new PendingWrite<T>(write, CancellationToken.None);
                joined.Add(turn);
                RunBatch(joined);
                return turn.Task;
            }

            _database.BeginTrans();
            T result;
            try
            {
                result = write(_database);
                _database.Commit();
                _transactionEnded(true);
            }
            catch
            {
                _direct.RollBack();
                throw;
            }

            _afterCommit();
            Interlocked.Increment(ref _transactions);
            return Task.FromResult(result);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
        finally
        {
            EngineGate.Release();
            lock (_sync)
            {
                // Wakes the writer thread for what queued meanwhile, or for a Dispose waiting for this write to end.
                _busy = false;
                Monitor.Pulse(_sync);
            }
        }
    }

    /// <summary>
    /// Keeps <paramref name="write"/> for the transaction of the next turn commit of conversation <paramref name="turnKey"/>
    /// (a write queued or run with that key), so a turn's transcript lines and its state, inbound id and outbox
    /// entries are one transaction. A turn that never commits (it failed) leaves its writes to run on their own a
    /// second later, or when the writer stops.
    /// </summary>
    public void Join(string turnKey, PendingWrite write)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            // Wakes the writer thread so it times the wait for this turn's commit, unless it wakes within that time anyway
            // (LiteDB's transaction is open, or other writes are held): the turn's commit follows in microseconds, and a
            // wake-up per turn for nothing was two of the sequential turn's context switches.
            if (_held.Join(turnKey, write) && !WakesWithin(HeldWrites.JoinWait))
            {
                Monitor.Pulse(_sync);
            }
        }
    }

    /// <summary>
    /// Keeps <paramref name="write"/> for the next transaction, whatever it is, or one of its own 5 ms later: small writes that need not cost a transaction each (delivery marks, several per turn,
    /// ride in the next turn's commit).
    /// </summary>
    public void RideNext(PendingWrite write)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            if (_held.Ride(write))
            {
                // Wakes the writer thread so it times the wait for a transaction to ride in.
                Monitor.Pulse(_sync);
            }
        }
    }

    /// <summary>Queues a turn's commit of conversation <paramref name="turnKey"/>; the writes that joined it go into its transaction, first.</summary>
    public void EnqueueTurn(string turnKey, PendingWrite write)
    {
        write.TurnKey = turnKey;
        Enqueue(write);
    }

    public void Enqueue(PendingWrite write)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Enqueue(write);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_sync);
            }
        }
    }

    /// <summary>Runs what is queued, then stops the thread; the database itself is closed by its owner afterwards.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.Pulse(_sync);
        }

        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (TakeBatch(batch))
        {
            // A blocking wait on this thread of its own, while reads wait without one; no read waits for a write.
            EngineGate.Wait();
            try
            {
                if (batch is [{ IsSetup: true } setup])
                {
                    // Setup runs outside an explicit transaction: LiteDB's open one commits first.
                    _journal?.CommitIfDue(_database, _afterCommit, now: true);
                    RunSetup(setup);
                }
                else if (_journal is null)
                {
                    RunBatch(batch);
                }
                else
                {
                    RunJournaled(batch, _journal);
                    _journal.CommitIfDue(_database, _afterCommit);
                }
            }
            finally
            {
                EngineGate.Release();
                lock (_sync)
                {
                    _busy = false;
                }
            }
        }
    }

    /// <summary>Waits for work and an idle database; takes up to <see cref="MaxBatch"/> writes, or one setup alone. False once stopped and empty.</summary>
    private bool TakeBatch(List<PendingWrite> batch)
    {
        batch.Clear();
        lock (_sync)
        {
            while ((_queue.Count == 0 && !_held.AnyDue(_stopping) && !(_journal?.MaintenanceDue ?? false)) || _busy)
            {
                // Stops only when nothing runs inline either, so the database is closed after the last write.
                if (_stopping && _queue.Count == 0 && _held.IsEmpty && !_busy)
                {
                    CommitJournalOnStop();
                    return false;
                }

                // Riders and joined writes whose transaction has not come run once they waited long enough.
                _waiting = _busy ? Timeout.InfiniteTimeSpan : NextWait();
                if (Monitor.Wait(_sync, _waiting))
                {
                    _wakeUps++;
                }

                _waiting = TimeSpan.Zero;
            }

            _busy = true;
            if (_held.HasRiders && _queue.TryPeek(out var head) && head.IsSetup)
            {
                // A setup or checkpoint comes after what is held to ride: the riders go in a batch of their own first.
                _held.TakeRiders(batch);
            }

            while (batch.Count < MaxBatch && _queue.TryPeek(out var next))
            {
                if (next.IsSetup && batch.Count > 0)
                {
                    break;
                }

                _queue.Dequeue();
                if (next.TurnKey is { } turnKey)
                {
                    _held.TakeJoined(turnKey, batch);
                }

                batch.Add(next);
                if (next.IsSetup)
                {
                    break;
                }
            }

            _held.TakeRidersFor(batch, _stopping);
            _held.TakeDueJoined(batch, _stopping);
        }

        return true;
    }

    // Under _sync. Zero while the writer runs (it looks at what is held before it waits again).
    private bool WakesWithin(TimeSpan wait) => _waiting != Timeout.InfiniteTimeSpan && _waiting <= wait;

    private TimeSpan NextWait() => _journal is null ? _held.NextWait : Sooner(_held.NextWait, _journal.NextWait);

    private static TimeSpan Sooner(TimeSpan a, TimeSpan b) =>
        a == Timeout.InfiniteTimeSpan || (b != Timeout.InfiniteTimeSpan && b < a) ? b : a;

    // The last batches reach LiteDB's file before the database closes (closing checkpoints it).
    private void CommitJournalOnStop()
    {
        if (_journal is null)
        {
            return;
        }

        EngineGate.Wait();
        try
        {
            _journal.CommitIfDue(_database, _afterCommit, now: true);
        }
        finally
        {
            EngineGate.Release();
        }
    }

    // In LiteDB's open transaction, journaled; LiteDB commits later (JournaledCommits).
    private void RunJournaled(List<PendingWrite> batch, JournaledCommits journal) =>
        BatchAttempts.RunUntilDone(batch, b => journal.TryBatch(_database, b, _transactionEnded), Committed);

    private void RunSetup(PendingWrite setup)
    {
        try
        {
            setup.Run(_database);
            _afterCommit();
            setup.Succeed();
        }
        catch (Exception ex)
        {
            setup.Fail(ex);
        }
    }

    private void RunBatch(List<PendingWrite> batch) => BatchAttempts.RunUntilDone(batch, _direct.TryBatch, Committed);

    private void Committed() => Interlocked.Increment(ref _transactions);
}
