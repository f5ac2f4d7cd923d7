using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// The files behind the process's database: the data and log streams LiteDB writes through and the lock file that keeps
/// other processes out. Closed after LiteDB, in that order; a log LiteDB left empty is removed, as LiteDB does itself.
/// </summary>
internal sealed class LiteDbFiles(GroupSyncedFileStream data, GroupSyncedFileStream log, string logPath, IDisposable processLock, DataFileFence dataFence) : IDisposable
{
    /// <summary>Holds writes to the data file while a backup copies it.</summary>
    public DataFileFence DataFence => dataFence;

    public void Dispose()
    {
        data.Dispose();
        var logIsEmpty = log.Length == 0;
        log.Dispose();
        if (logIsEmpty)
        {
            try
            {
                File.Delete(logPath);
            }
            catch (IOException)
            {
                // An empty log is harmless: the next open finds nothing to recover.
            }
        }

        // Last: once the lock file is gone another process may open the database.
        processLock.Dispose();
    }
}
