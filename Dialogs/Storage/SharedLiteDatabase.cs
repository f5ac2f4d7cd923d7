using LiteDB;

namespace IntegrationBot.Dialogs.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process. LiteDB transactions belong to a thread, so every multi-document
/// write goes through <see cref="WriteInTransaction{T}"/>: one synchronous block, one transaction, one writer at a time.
/// </summary>
public sealed class SharedLiteDatabase : IDisposable
{
    private readonly Lock _writeGate = new();

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

    public void Dispose()
    {
        Database.Dispose();
        _processLock?.Dispose();
    }
}
