using LiteDB;

namespace IntegrationBot.Dialogs.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process. LiteDB transactions belong to a thread, so every multi-document
/// write goes through <see cref="WriteInTransaction{T}"/>: one synchronous block, one transaction, one writer at a time.
/// </summary>
public sealed class SharedLiteDatabase : IDisposable
{
    // LiteDB allows about 100 open transactions per database and every read on another thread opens one; under
    // 1,000 concurrent conversations reads beyond that limit failed, so reads queue here instead.
    private const int MaxConcurrentReads = 48;
    private readonly Lock _writeGate = new();
    private readonly SemaphoreSlim _readGate = new(MaxConcurrentReads, MaxConcurrentReads);

    private readonly IDisposable? _processLock;

    public SharedLiteDatabase(LiteDatabase database, string filePath, IDisposable? processLock = null)
    {
        Database = database;
        FilePath = filePath;
        _processLock = processLock;
    }

    public LiteDatabase Database { get; }

    public string FilePath { get; }

    /// <summary>Runs <paramref name="write"/> in one transaction; it commits unless <paramref name="write"/> throws.</summary>
    public T WriteInTransaction<T>(Func<LiteDatabase, T> write)
    {
        lock (_writeGate)
        {
            Database.BeginTrans();
            try
            {
                var result = write(Database);
                Database.Commit();
                return result;
            }
            catch
            {
                Database.Rollback();
                throw;
            }
        }
    }

    /// <summary>Runs a read, at most <see cref="MaxConcurrentReads"/> at a time.</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        _readGate.Wait();
        try
        {
            return read(Database);
        }
        finally
        {
            _readGate.Release();
        }
    }

    public void Dispose()
    {
        Database.Dispose();
        _readGate.Dispose();
        _processLock?.Dispose();
    }
}
