namespace IntegrationBot.Dialogs.Storage;

/// <summary>
/// A consistent copy of the store made while the host runs (the <c>backup</c> command). Only a store that lives in
/// files of its own registers one (LiteDB); PostgreSQL is backed up with its own tools (<c>pg_dump</c>).
/// </summary>
public interface IStoreBackup
{
    /// <summary>
    /// Writes the backup into <paramref name="folder"/>, a new folder (an absolute path whose parent exists): a data
    /// folder the host can start on, holding every write that completed before the call.
    /// </summary>
    Task<StoreBackup> BackUpAsync(string folder, CancellationToken cancellationToken);
}
