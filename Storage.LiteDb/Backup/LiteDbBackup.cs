using System.Security.Cryptography;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.LiteDb.Backup;

/// <summary>
/// A backup of the running host's LiteDB file: a new folder holding a consistent copy of <c>integrationbot.db</c>
/// (<see cref="SharedLiteDatabase.CopyDataFileAsync"/>; no log or journal needed, encrypted when the file is) and the
/// Data Protection keys (<c>keys/</c>), so it is a data folder the host can start on. Written under a temporary name
/// and renamed when complete, readable only by the host's user: it holds every person's messages.
/// </summary>
/// <remarks>Why not copy the files: copying <c>integrationbot.db</c>, its log and the journal one after another while
/// the host checkpoints and empties them gave copies that missed acknowledged turns or did not open
/// (docs/reliability.md, "Backup and restore").</remarks>
public sealed partial class LiteDbBackup(SharedLiteDatabase database, IOptions<StorageOptions> storage, TimeProvider time, ILogger<LiteDbBackup> logger)
    : IStoreBackup, IDisposable
{

    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<StoreBackup> BackUpAsync(string folder, CancellationToken cancellationToken)
    {
        if (Refusal(folder) is { } refused)
        {
            return refused;
        }

        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Path.Exists(folder))
        {
            return StoreBackup.Conflict(folder, "it exists already; name a new folder for each backup");
        }

        if (!await _one.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return StoreBackup.Conflict(folder, "another backup is being made; try again when it has finished");
        }

        var started = time.GetTimestamp();
        var partial = $"{folder}.partial-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        try
        {
            OwnerOnlyFiles.CreateFolder(partial);
        }
        catch (UnauthorizedAccessException)
        {
            _one.Release();
            return StoreBackup.Refused(folder, "the host's user may not create a folder in its parent folder");
        }
        catch (IOException ex)
        {
            // A read-only or full file system: the reason, not a stack trace (and the host goes on).
            _one.Release();
            return StoreBackup.Refused(folder, $"the folder could not be created ({ex.Message.TrimEnd('.')})");
        }

        try
        {
            long bytes;
            await using (var target = OwnerOnlyFiles.CreateFile(Path.Combine(partial, StorageOptions.FileName)))
            {
                bytes = await database.CopyDataFileAsync(target, cancellationToken).ConfigureAwait(false);
                target.Flush(flushToDisk: true);
            }

            var keys = OwnerOnlyFiles.CopyKeys(
                Path.Combine(Path.GetFullPath(storage.Value.Path), DirectLineKeyRing.KeysDirectory),
                Path.Combine(partial, DirectLineKeyRing.KeysDirectory));
            if (Path.Exists(folder))
            {
                Directory.Delete(partial, recursive: true);
                return StoreBackup.Conflict(folder, "it was created while the backup was being made; name a new folder");
            }

            Directory.Move(partial, folder);
            var elapsed = time.GetElapsedTime(started);
            LogWritten(logger, bytes, keys, (long)elapsed.TotalMilliseconds);
            return new StoreBackup(StoreBackupStatus.Written, folder, DatabaseBytes: bytes, KeyFiles: keys, Elapsed: elapsed);
        }
        catch (IOException ex)
        {
            // A full or failing disk: the operator needs the reason, and the host goes on.
            Discard(partial, ex);
            return new StoreBackup(StoreBackupStatus.Failed, folder, "the copy failed: " + ex.Message);
        }
        catch (Exception ex)
        {
            Discard(partial, ex);
            throw;
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    private void Discard(string partial, Exception failure)
    {
        LogFailed(logger, failure.GetType().Name);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
    }

    private static StoreBackup? Refusal(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return StoreBackup.Refused(folder ?? string.Empty, "name the folder to write the backup to");
        }

        // A relative path would be resolved against the server's working directory, not the operator's.
        if (!Path.IsPathFullyQualified(folder))
        {
            return StoreBackup.Refused(folder, "give the folder as an absolute path");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return Path.GetDirectoryName(full) is { } parent && Directory.Exists(parent)
            ? null
            : StoreBackup.Refused(folder, "its parent folder does not exist");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written: {DatabaseBytes} bytes of the database and {KeyFiles} key files in {Milliseconds} ms")]
    private static partial void LogWritten(ILogger logger, long databaseBytes, int keyFiles, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup failed ({Error}); nothing was left in the target folder")]
    private static partial void LogFailed(ILogger logger, string error);
}
