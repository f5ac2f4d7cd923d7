using LiteDB;
using IntegrationBot.Storage.LiteDb.State;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process. Every write goes through <see cref="WriteAsync{T}"/>: it runs on
/// the one writer thread (<see cref="LiteDbWriter"/>, which commits the writes waiting together in one transaction),
/// then the caller awaits until the write is durable (<see cref="DiskSync"/>) while the writer goes on.
/// </summary>
public sealed class SharedLiteDatabase : IDisposable
{
    private readonly DiskSync? _sync;
    // What a caller awaits for durability: the journal's sync when there is one, else LiteDB's log's.
    private readonly DiskSync? _durable;
    private readonly JournaledCommits? _journal;
    private readonly LiteDbWriter _writer;
    private readonly LiteDbFiles? _files;
    private readonly IDisposable? _engine;
    // A lock, not a flag: a second caller (the host's container and a test closing the file) waits until the file is
    // really closed, so it can be opened again at once.
    private readonly Lock _disposeLock = new();
    private bool _disposed;
    private LiteDbHotState? _hot;

    /// <summary>
    /// Wraps a database opened elsewhere (e.g. in memory): writes are serialized and durability is whatever LiteDB
    /// does on its own. <see cref="LiteDbDatabaseFactory.Open"/> gives the durable, group-synced one.
    /// </summary>
    public SharedLiteDatabase(LiteDatabase database, string filePath)
        : this(database, filePath, null, null, null, null, null)
    {
    }

    /// <param name="engine">Closed after the writer stopped, when <paramref name="database"/> does not close it (the
    /// container that hands the database out disposes it before this).</param>
    /// <param name="journal">When set, writes are journaled and LiteDB commits behind them (<see cref="JournaledCommits"/>).</param>
    internal SharedLiteDatabase(LiteDatabase database, string filePath, DiskSync? sync, LiteDbLogQueue? logQueue, LiteDbFiles? files, IDisposable? engine, JournaledCommits? journal)
    {
        Database = database;
        FilePath = filePath;
        _sync = sync;
        _journal = journal;
        _durable = journal?.Files.Sync ?? sync;
        _files = files;
        _engine = engine;
        _writer = new LiteDbWriter(database, logQueue is null ? () => { } : logQueue.WaitUntilWritten, committed => _hot?.Facts.TransactionEnded(committed), journal);
    }

    public LiteDatabase Database { get; }

    // One thread inside LiteDB's engine at a time, a read or the writer's transaction: LiteDB 5's page cache can
    // recycle a page another thread looked up but has not pinned yet (litedb-org/LiteDB#2817), and under load that
    // failed every request for good ("pages in memory store must be non-shared", then all ~100 transaction slots
    // leaked). Reads wait without holding a thread; the writer waits on its own thread (SemaphoreSlim serves
    // waiting threads before async waiters, so writes go first). It also bounds the transactions reads open.
    private SemaphoreSlim EngineGate => _writer.EngineGate;

    public string FilePath { get; }

    /// <summary>
    /// What the process keeps in memory of this file (state of active conversations, pending outbox, inbound filter),
    /// shared by every store of the file; the defaults unless the factory set the configured bounds before any store.
    /// </summary>
    public LiteDbHotState Hot
    {
        get => LazyInitializer.EnsureInitialized(ref _hot, LiteDbHotState.WithDefaults);
        set => _hot = value;
    }

    /// <summary>The durability coordinator of the log file, when this database was opened over its own files.</summary>
    internal DiskSync? Sync => _sync;

    /// <summary>Holds LiteDB's writes to the data file while a backup copies it; null for a database in memory.</summary>
    internal DataFileFence? DataFence => _files?.DataFence;

    /// <summary>The write journal and LiteDB's commits behind it, when the file has one.</summary>
    internal JournaledCommits? Journal => _journal;

    /// <summary>LiteDB transactions committed so far (fewer than writes when writes were combined), for benchmarks and diagnostics.</summary>
    public long Transactions => _writer.Transactions;

    /// <summary>LiteDB's own commits: with the write journal many batches share one (<see cref="JournaledCommits"/>).</summary>
    public long LiteDbCommits => _journal?.Commits ?? _writer.Transactions;

    /// <summary>The writer thread, for tests that check how writes were combined.</summary>
    internal LiteDbWriter Writer => _writer;

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction (it commits unless <paramref name="write"/> throws) and completes
    /// once the commit is durable as configured (<see cref="StorageOptions.Durability"/>). Cancelling stops only the
    /// wait: a commit that happened stays.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken)
    {
        var result = await WriteWithoutWaitingForDiskAsync(write, cancellationToken).ConfigureAwait(false);
        if (_durable is not null)
        {
            await _durable.WhenDurableAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Commits like <see cref="WriteAsync{T}"/> but does not wait for the disk: the commit is with the OS at once (it
    /// survives a crash of the process) and on disk with the next fsync. Only for writes whose loss on power failure
    /// is harmless, such as removing a delivered outbox entry (at worst it is delivered again).
    /// </summary>
    public Task<T> WriteWithoutWaitingForDiskAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (_writer.TryRunNow(write) is { } done)
        {
            return done;
        }

        var pending = new PendingWrite<T>(write, cancellationToken);
        _writer.Enqueue(pending);
        return pending.Task;
    }

    /// <summary>
    /// Commits a turn of conversation <paramref name="conversationKey"/> like <see cref="WriteAsync{T}"/>; the writes that
    /// joined the turn (<see cref="JoinTurn{T}"/>) run first in the same transaction.
    /// </summary>
    public async Task<T> WriteTurnAsync<T>(string conversationKey, Func<LiteDatabase, T> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = _writer.TryRunNow(write, conversationKey);
        if (pending is null)
        {
            var queued = new PendingWrite<T>(write, cancellationToken);
            _writer.EnqueueTurn(conversationKey, queued);
            pending = queued.Task;
        }

        var result = await pending.ConfigureAwait(false);
        if (_durable is not null)
        {
            await _durable.WhenDurableAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in the next transaction, whatever it is, or in one of its own a few milliseconds
    /// later; returns at once, and the task completes at that commit (before the disk sync). Only for writes whose loss
    /// in a crash is harmless and whose delay costs little, such as removing a delivered outbox entry (at worst it is
    /// delivered again; the window is those milliseconds).
    /// </summary>
    public Task<T> WriteWithNextAsync<T>(Func<LiteDatabase, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite<T>(write, CancellationToken.None);
        _writer.RideNext(pending);
        return pending.Task;
    }

    /// <summary>
    /// Keeps <paramref name="write"/> for the transaction that commits the next turn of conversation
    /// <paramref name="conversationKey"/> (state, inbound id, outbox entries): nothing of the turn is written outside its
    /// commit. Returns at once; the task completes when that transaction commits (not when it is durable). Do not await
    /// it before the turn commits. A turn that never commits leaves the write to run on its own a moment later.
    /// </summary>
    public Task<T> JoinTurn<T>(string conversationKey, Func<LiteDatabase, T> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite<T>(write, CancellationToken.None);
        _writer.Join(conversationKey, pending);
        return pending.Task;
    }

    /// <summary>
    /// Ends LiteDB's open transaction behind the write journal (at once without one): a scan that runs batch after batch
    /// calls it between batches, since an open transaction keeps every page it read in memory.
    /// </summary>
    public Task CommitJournalAsync() => _writer.CommitJournalAsync();

    /// <summary>Schema setup in a constructor (index creation): on the writer thread, alone, without a durability wait,
    /// since an index lost to a power failure is simply created again at the next start.</summary>
    public void Setup(Action<LiteDatabase> setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var pending = new PendingSetup(setup);
        _writer.Enqueue(pending);
        pending.WaitUntilDone();
    }

    /// <summary>Writes LiteDB's log into the data file and empties the log, on the writer thread between transactions;
    /// does nothing once the database is closed (closing checkpoints too).</summary>
    public void Checkpoint()
    {
        lock (_disposeLock)
        {
            if (_disposed)
            {
                return;
            }
        }

        // Everything committed is then in the data file, on disk: the journal's frames are no longer needed.
        var pending = new PendingSetup(db =>
        {
            db.Checkpoint();
            _journal?.ClearIfCommitted();
        });
        _writer.Enqueue(pending);
        pending.WaitUntilDone();
    }

    /// <summary>
    /// Copies the data file to <paramref name="target"/> as it is once every write completed before the call is in it,
    /// while the host goes on: LiteDB's transaction behind the journal commits and a checkpoint puts the log in the data
    /// file (on the writer thread, between transactions), then the file is copied while LiteDB writes only its log. A
    /// checkpoint due meanwhile waits for the end of the copy (<see cref="DataFileFence"/>). The copy needs no log or
    /// journal, and is encrypted as the file is. Returns the bytes copied. One copy at a time.
    /// </summary>
    internal async Task<long> CopyDataFileAsync(Stream target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var fence = DataFence ?? throw new InvalidOperationException("Only a database opened over its own file can be copied.");
        var checkpointed = new PendingSetup(db =>
        {
            db.Checkpoint();
            _journal?.ClearIfCommitted();
            fence.Close();
        });
        _writer.Enqueue(checkpointed);
        await checkpointed.Done.ConfigureAwait(false);
        try
        {
            // Our data stream has no buffer of its own, so another handle reads what LiteDB wrote.
            await using var source = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
            await source.CopyToAsync(target, 1 << 20, cancellationToken).ConfigureAwait(false);
            return source.Position;
        }
        finally
        {
            fence.Open();
        }
    }

    /// <summary>
    /// Runs a read alone in the engine (no other read or write at the same time); waits for its turn without holding a
    /// thread. <paramref name="read"/> must return materialized data (a list, not a lazy LiteDB query) and must not
    /// wait for a write. It sees every write that completed before it runs: behind the write journal, when writes wait
    /// for LiteDB's commit, it runs on the writer thread right after that commit.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<LiteDatabase, T> read, CancellationToken cancellationToken) =>
        Read(read, () => _writer.HasUncommittedJournal, commitFirst: true, cancellationToken);

    /// <summary>
    /// Like <see cref="ReadAsync{T}"/> for a read of only the documents <paramref name="ids"/> of
    /// <paramref name="collection"/>: when no journaled write LiteDB has not committed changed one of them (a new
    /// conversation's first state read), it reads the file at once; otherwise as <see cref="ReadCurrentAsync{T}"/>.
    /// </summary>
    public Task<T> ReadDocumentsAsync<T>(string collection, IEnumerable<BsonValue> ids, Func<LiteDatabase, T> read, CancellationToken cancellationToken) =>
        Read(read, () => _writer.HasUncommittedJournalFor(collection, ids), commitFirst: false, cancellationToken);

    /// <summary>
    /// A small read on a turn's path (a few documents, not a scan): while journaled writes wait for LiteDB's commit it
    /// runs on the writer thread, inside LiteDB's open transaction, where it sees them without forcing that commit
    /// (which would cost every waiting turn its share of a commit). Otherwise as <see cref="ReadAsync{T}"/>. Not for
    /// large reads: LiteDB keeps every page a transaction read until it commits.
    /// </summary>
    public Task<T> ReadCurrentAsync<T>(Func<LiteDatabase, T> read, CancellationToken cancellationToken) =>
        Read(read, () => _writer.HasUncommittedJournal, commitFirst: false, cancellationToken);

    /// <summary>Like <see cref="ReadAsync{T}"/> but blocks the calling thread until its turn: only for work on a
    /// background thread of its own (the inbound filter's load), never on a request's or the writer's thread.</summary>
    internal T ReadBlocking<T>(Func<LiteDatabase, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!_writer.HasUncommittedJournal)
        {
            EngineGate.Wait();
            if (!_writer.HasUncommittedJournal)
            {
                return ReadHeld(read);
            }

            EngineGate.Release();
        }

        return ThroughWriter(read, commitFirst: true, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Closes the database and its files; calling it again does nothing.</summary>
    public void Dispose()
    {
        lock (_disposeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // The writer first runs what is queued (a host stopping mid-turn still commits it) and stops; closing then
            // checkpoints the log into the data file; the last fsync and the files go after it.
            _writer.Dispose();
            // Closing checkpoints inside the engine: it waits for a read still running. Reads waiting for their turn
            // then find the database closed (ObjectDisposedException), so the gate is released, not disposed.
            EngineGate.Wait();
            try
            {
                Database.Dispose();
                _engine?.Dispose();
                // Closing checkpointed every commit into the data file, on disk: the journal is not needed any more.
                _journal?.ClearIfCommitted();
                _journal?.Dispose();
                _sync?.Dispose();
                _files?.Dispose();
            }
            finally
            {
                EngineGate.Release();
            }
        }
    }

    // The check runs again once the read holds the engine: the writer marks a journaled write as waiting for LiteDB's
    // commit before that write completes and before it lets a read in, so a read that runs after a write completed
    // either finds it committed or goes to the writer. A check made only before waiting for the engine missed writes
    // journaled meanwhile (a web chat resend found its first line neither pending in memory nor in the file).
    private Task<T> Read<T>(Func<LiteDatabase, T> read, Func<bool> waiting, bool commitFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (waiting())
        {
            return ThroughWriter(read, commitFirst, cancellationToken);
        }

        if (!EngineGate.Wait(0))
        {
            return ReadWhenFreeAsync(read, waiting, commitFirst, cancellationToken);
        }

        if (waiting())
        {
            EngineGate.Release();
            return ThroughWriter(read, commitFirst, cancellationToken);
        }

        return Task.FromResult(ReadHeld(read));
    }

    private async Task<T> ReadWhenFreeAsync<T>(Func<LiteDatabase, T> read, Func<bool> waiting, bool commitFirst, CancellationToken cancellationToken)
    {
        await EngineGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (waiting())
        {
            EngineGate.Release();
            return await ThroughWriter(read, commitFirst, cancellationToken).ConfigureAwait(false);
        }

        return ReadHeld(read);
    }

    // On the writer thread: right after LiteDB's commit (a read of any size), or inside its open transaction (a small
    // read: a write that changes nothing, so no journal frame and no disk wait).
    private Task<T> ThroughWriter<T>(Func<LiteDatabase, T> read, bool commitFirst, CancellationToken cancellationToken)
    {
        if (commitFirst)
        {
            var afterCommit = new PendingRead<T>(read);
            _writer.Enqueue(afterCommit);
            return afterCommit.Task.WaitAsync(cancellationToken);
        }

        var inTransaction = new PendingWrite<T>(read, cancellationToken) { ReadOnly = true };
        _writer.Enqueue(inTransaction);
        return inTransaction.Task;
    }

    private T ReadHeld<T>(Func<LiteDatabase, T> read)
    {
        try
        {
            return read(Database);
        }
        finally
        {
            EngineGate.Release();
        }
    }
}
