using LiteDB;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// How <see cref="LiteDbWriter"/> commits when the file has a write journal: a batch of writes runs in LiteDB's open
/// transaction, its changes go to the journal as one frame, and its callers are done once that frame is durable.
/// LiteDB's transaction stays open for the next batches and commits every <see cref="CommitEveryBatches"/> batches,
/// after <see cref="MaxOpen"/>, before a read, a setup or a checkpoint, and when the writer stops.
/// </summary>
/// <remarks>
/// All on the writer thread (LiteDB's transactions belong to a thread), except <see cref="IsOpen"/>, which readers
/// check. A write that fails rolls LiteDB's transaction back, which also undoes the batches journaled since the last
/// commit: they are applied again from their recorded changes before the writer goes on, so what a caller was told is
/// written stays written. The commit also records the last frame it holds (<see cref="AppliedCollection"/>), so a
/// restart applies exactly the frames after it.
/// </remarks>
internal sealed class JournaledCommits : IDisposable
{
    /// <summary>Holds one document: the sequence number of the last journal frame LiteDB has committed.</summary>
    public const string AppliedCollection = "journal_applied";

    private readonly WriteJournal _journal;
    private readonly DiskSync? _liteSync;
    private readonly TimeProvider _time;
    // Changes of the batches journaled since LiteDB's last commit, to apply again after a rollback.
    private readonly List<List<JournalOp>> _uncommitted = [];
    // LiteDB's transaction is open on the writer thread; _pending counts its journaled batches (read by readers).
    private bool _open;
    private volatile int _pending;
    private long _openedAt;
    private long _sequence;
    // The last commit whose frames wait for LiteDB's fsync before the journal may forget them.
    private long _coverSequence;
    private long _coverTarget;
    private volatile bool _coverReady;
    private long _commits;
    private long _frames;

    public JournaledCommits(WriteJournal journal, JournaledEngine engine, DiskSync? liteSync, long lastSequence, TimeProvider? time = null)
    {
        _journal = journal;
        Engine = engine;
        _liteSync = liteSync;
        _sequence = lastSequence;
        _time = time ?? TimeProvider.System;
    }

    public const int DefaultCommitEveryBatches = 256;

    public static readonly TimeSpan DefaultMaxOpen = TimeSpan.FromMilliseconds(100);

    /// <summary>LiteDB commits at the latest after this many journaled batches.</summary>
    public int CommitEveryBatches { get; init; } = DefaultCommitEveryBatches;

    /// <summary>LiteDB commits at the latest this long after its transaction took its first batch.</summary>
    public TimeSpan MaxOpen { get; init; } = DefaultMaxOpen;

    public JournaledEngine Engine { get; }

    public WriteJournal Files => _journal;

    /// <summary>Batches are journaled that LiteDB has not committed yet: a read must ask for a commit first.</summary>
    public bool IsOpen => _pending > 0;

    /// <summary>LiteDB commits so far, for tests and diagnostics.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Frames journaled so far: the batches that wrote something, each atomic and durable like a transaction.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Wakes the writer when LiteDB's fsync lets the journal forget frames; set by the writer.</summary>
    public Action Wake { get; set; } = () => { };

    /// <summary>Work for the writer without a write: a commit that is due or frames to forget.</summary>
    public bool MaintenanceDue => CommitDue || CoverDue;

    private bool CommitDue => _open && (_uncommitted.Count >= CommitEveryBatches || Age >= MaxOpen);

    private bool CoverDue => _coverReady && (_liteSync is null || _liteSync.Durable >= _coverTarget);

    /// <summary>How long the writer may sleep before <see cref="MaintenanceDue"/> turns true by itself.</summary>
    public TimeSpan NextWait => _open ? Max(MaxOpen - Age, TimeSpan.FromMilliseconds(1)) : Timeout.InfiniteTimeSpan;

    private TimeSpan Age => _time.GetElapsedTime(_openedAt);

    /// <summary>Opens LiteDB's transaction for the next batch when none is open.</summary>
    private void Begin(LiteDatabase database)
    {
        if (!_open)
        {
            database.BeginTrans();
            _open = true;
            _openedAt = _time.GetTimestamp();
        }
    }

    /// <summary>
    /// One attempt of a batch (<see cref="BatchAttempts"/>): its writes run in LiteDB's open transaction while their
    /// changes are recorded, and the changes become one journal frame. A write that throws rolls LiteDB back, and the
    /// journal restores what it had (<see cref="RollBack"/>).
    /// </summary>
    /// <returns>The index of the write that threw (-1: the journal could not be written, or it is <see cref="Broken"/>)
    /// and why; no failure: journaled.</returns>
    public (int Failed, Exception? Failure) TryBatch(LiteDatabase database, List<PendingWrite> batch, Action<bool> transactionEnded)
    {
        if (Broken is { } broken)
        {
            return (-1, broken);
        }

        var failed = -1;
        var ops = new List<JournalOp>();
        try
        {
            Begin(database);
            Engine.Recording = ops;
            for (var i = 0; i < batch.Count; i++)
            {
                failed = i;
                batch[i].Run(database);
            }

            failed = -1;
            Engine.Recording = null;
            Journal(ops);
            transactionEnded(true);
            return (-1, null);
        }
        catch (Exception ex)
        {
            transactionEnded(false);
            RollBack(database);
            return (failed, ex);
        }
    }

    /// <summary>The batch ran: its changes become one journal frame (none for a batch that changed nothing).</summary>
    private void Journal(List<JournalOp> ops)
    {
        if (ops.Count == 0)
        {
            return;
        }

        _journal.Append(++_sequence, ops);
        _uncommitted.Add(ops);
        _pending = _uncommitted.Count;
        Interlocked.Increment(ref _frames);
    }

    /// <summary>
    /// Set when the batches journaled since LiteDB's last commit could not be applied again after a rollback: LiteDB's
    /// transaction then lacks writes callers were told are written, so nothing more may be written or committed in this
    /// process; the journal still holds them and the next start applies them.
    /// </summary>
    public Exception? Broken { get; private set; }

    /// <summary>
    /// A write failed: rolls LiteDB back and applies the journaled batches since its last commit again, in a new
    /// transaction. Never throws: when they cannot be applied, <see cref="Broken"/> is set.
    /// </summary>
    public void RollBack(LiteDatabase database)
    {
        Engine.Recording = null;
        try
        {
            database.Rollback();
        }
        catch (LiteException)
        {
            // Nothing left to roll back.
        }

        _open = false;
        if (_uncommitted.Count == 0 || Broken is not null)
        {
            return;
        }

        try
        {
            Begin(database);
            foreach (var ops in _uncommitted)
            {
                foreach (var op in ops)
                {
                    JournalOp.ApplyAll(Engine.Inner, op.Bytes);
                }
            }
        }
        catch (Exception ex)
        {
            Broken = new IOException("The database could not apply its write journal again after a failed write; restart the host, which applies the journal.", ex);
            try
            {
                database.Rollback();
            }
            catch (LiteException)
            {
                // Nothing left to roll back.
            }

            _open = false;
        }
    }

    /// <summary>Commits LiteDB's open transaction when it is due (or <paramref name="now"/>), then lets the journal forget what it can.</summary>
    public void CommitIfDue(LiteDatabase database, Action afterCommit, bool now = false)
    {
        if (Broken is not null)
        {
            return;
        }

        if (_open && (now || CommitDue))
        {
            Commit(database, afterCommit);
        }

        if (CoverDue)
        {
            _coverReady = false;
            try
            {
                _journal.Covered(_coverSequence);
            }
            catch (IOException)
            {
                // The frames stay (a restart skips them: LiteDB holds them); the next commit tries again.
            }
        }
    }

    /// <summary>
    /// After a checkpoint or the close put every commit in the data file: empties the journal, unless batches are still
    /// waiting for LiteDB's commit (it failed, or the journal is <see cref="Broken"/>): those frames are kept for the next start.
    /// </summary>
    public void ClearIfCommitted()
    {
        if (Broken is null && _pending == 0)
        {
            _journal.Clear();
        }
    }

    public void Dispose() => _journal.Dispose();

    private void Commit(LiteDatabase database, Action afterCommit)
    {
        Engine.Recording = null;
        var journaled = _uncommitted.Count > 0;
        try
        {
            if (journaled)
            {
                database.GetCollection(AppliedCollection).Upsert(new BsonDocument { ["_id"] = "applied", ["seq"] = _sequence });
            }

            database.Commit();
        }
        catch (Exception ex) when (ex is LiteException or IOException)
        {
            // The batches stay in the journal and in a new transaction; the next due commit tries again.
            RollBack(database);
            return;
        }

        _open = false;
        Engine.CommittedChanges();
        afterCommit();
        _uncommitted.Clear();
        _pending = 0;
        Interlocked.Increment(ref _commits);
        if (!journaled)
        {
            return;
        }

        _coverSequence = _sequence;
        if (_liteSync is null || _liteSync.Mode == StorageDurability.Os)
        {
            // Process crashes are what Durability=os guards against, and LiteDB's commit is with the OS now.
            _coverReady = true;
            _coverTarget = 0;
            return;
        }

        _coverTarget = _liteSync.Written;
        Task durable;
        try
        {
            durable = _liteSync.WhenDurableAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // Closing: the journal is emptied after the close's checkpoint.
            return;
        }

        durable.ContinueWith(
            _ =>
            {
                _coverReady = true;
                Wake();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
