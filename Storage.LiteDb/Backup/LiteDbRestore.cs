using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Backup;

/// <summary>
/// Puts a backup written by <see cref="LiteDbBackup"/> in place as the data folder of a stopped host: the backup's
/// <c>integrationbot.db</c> and <c>keys/</c> are copied into a new folder (0700, files 0600), which must open with the
/// configured password; then the data folder is moved aside to <c>FOLDER.before-restore-&lt;UTC time&gt;</c> (never
/// deleted) and the copy takes its name. Nothing is changed when a host holds either folder or the backup is not whole.
/// </summary>
/// <remarks>Why a new folder and not the backup's file into the old one: a log or journal left there belongs to the
/// old file, and the host would apply it to the backup's (docs/reliability.md, "Backup and restore").</remarks>
public static partial class LiteDbRestore
{
    // LiteDB writes whole pages of 8 KB (an encrypted file too); a file of any other length was cut short.
    private const int LiteDbPageSize = 8192;

    public static LiteDbRestoreOutcome Restore(string backupFolder, StorageOptions storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        var backup = Path.TrimEndingDirectorySeparator(Path.GetFullPath(backupFolder));
        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(storage.Path));
        if (NotABackup(backup, data) is { } problem)
        {
            return LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.NotABackup, data, problem);
        }

        var backupFile = Path.Combine(backup, StorageOptions.FileName);
        if (DataFolderLock.IsHeld(backupFile))
        {
            return LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.HostRunning, data, $"a host is running on the backup folder {backup}; stop it first (the files of a running host cannot be copied whole)");
        }

        var dataFile = Path.Combine(data, StorageOptions.FileName);
        using var held = Directory.Exists(data) ? DataFolderLock.TryTake(dataFile) : null;
        if (Directory.Exists(data) && held is null)
        {
            return LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.HostRunning, data, $"a host is running on {data} (it holds {Path.GetFileName(LiteDbDatabaseFactory.LockFilePath(dataFile))}); stop it and wait until it has exited");
        }

        var kept = held is null ? null : $"{data}.before-restore-{time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        if (kept is not null && Path.Exists(kept))
        {
            return LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.Failed, data, $"{kept} exists already; try again in a second");
        }

        var staging = $"{data}.restore-partial-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        long bytes;
        int keys;
        try
        {
            (bytes, keys) = Copy(backup, staging);
            LiteDbDatabaseFactory.Open(WithPath(storage, staging)).Dispose();
            // Opening the copy created the journal's files with the process's default mode.
            OwnerOnlyFiles.Close(staging);
        }
        catch (StorageOpenException ex)
        {
            Discard(staging);
            return LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.NotABackup, data, ex.Message.Replace(staging, backup, StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard(staging);
            return LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.Failed, data, $"copying the backup next to {data} failed ({ex.Message}); nothing was changed");
        }

        return Swap(staging, data, kept, held) is { } failed
            ? LiteDbRestoreOutcome.Refused(LiteDbRestoreStatus.Failed, data, failed)
            : new LiteDbRestoreOutcome(LiteDbRestoreStatus.Restored, data, KeptAs: kept, DatabaseBytes: bytes, KeyFiles: keys);
    }

    /// <summary>Why <paramref name="backup"/> is not a whole backup made by <c>backup</c> to restore into <paramref name="data"/>.</summary>
    private static string? NotABackup(string backup, string data)
    {
        if (!Directory.Exists(backup))
        {
            return $"there is no folder {backup}";
        }

        if (PartialName().IsMatch(Path.GetFileName(backup)))
        {
            return $"{backup} is an unfinished backup (the backup command names the folder only when it is complete); restore a folder it reported as written";
        }

        if (IsWithin(backup, data) || IsWithin(data, backup))
        {
            return $"the backup folder {backup} and the data folder {data} are one inside the other; keep backups outside the data folder";
        }

        var file = Path.Combine(backup, StorageOptions.FileName);
        if (!File.Exists(file))
        {
            return $"{backup} holds no {StorageOptions.FileName}, so it is not a backup made by the backup command";
        }

        // A backup's file holds everything; these hold writes that are not in it yet: a copy of a host's files.
        var pending = new[] { LiteDbDatabaseFactory.LogFilePath(file), WriteJournal.PathOf(file, 0), WriteJournal.PathOf(file, 1) }
            .FirstOrDefault(f => File.Exists(f) && new FileInfo(f).Length > 0);
        if (pending is not null)
        {
            return $"{backup} holds {Path.GetFileName(pending)} with writes that are not in {StorageOptions.FileName}: it is a copy of a host's files, not a backup made by the backup command";
        }

        var length = new FileInfo(file).Length;
        return length == 0 || length % LiteDbPageSize != 0
            ? $"{file} is cut short ({length} bytes, not whole pages of {LiteDbPageSize}); it is not a complete backup"
            : null;
    }

    private static bool IsWithin(string folder, string parent) =>
        string.Equals(folder, parent, StringComparison.Ordinal) || folder.StartsWith(parent + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>What <c>backup</c> writes, nothing else: the database and the key files.</summary>
    private static (long Bytes, int Keys) Copy(string backup, string staging)
    {
        OwnerOnlyFiles.CreateFolder(staging);
        var bytes = OwnerOnlyFiles.CopyFile(Path.Combine(backup, StorageOptions.FileName), Path.Combine(staging, StorageOptions.FileName));
        var keys = OwnerOnlyFiles.CopyKeys(Path.Combine(backup, DirectLineKeyRing.KeysDirectory), Path.Combine(staging, DirectLineKeyRing.KeysDirectory));
        return (bytes, keys);
    }

    /// <summary>Moves the data folder aside and the copy in; null when done, else what went wrong and where each folder is.</summary>
    private static string? Swap(string staging, string data, string? kept, DataFolderLock? held)
    {
        // Held from here until the copy has the data folder's name: a host started meanwhile stops at the lock.
        using var copyLock = DataFolderLock.TryTake(Path.Combine(staging, StorageOptions.FileName));
        if (kept is not null)
        {
            try
            {
                Directory.Move(data, kept);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                copyLock?.Dispose();
                Discard(staging);
                return $"{data} could not be moved aside ({ex.Message}); nothing was changed";
            }

            held!.Release(LiteDbDatabaseFactory.LockFilePath(Path.Combine(kept, StorageOptions.FileName)));
        }

        try
        {
            Directory.Move(staging, data);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A host may have created the folder in the moment it had no name; leave everything for the operator.
            return $"the restored copy could not be named {data} ({ex.Message}); it is at {staging}" + (kept is null ? string.Empty : $", and the folder it was to replace at {kept}");
        }

        copyLock?.Release(LiteDbDatabaseFactory.LockFilePath(Path.Combine(data, StorageOptions.FileName)));
        return null;
    }

    private static StorageOptions WithPath(StorageOptions storage, string path) => new()
    {
        Path = path,
        Password = storage.Password,
        Journal = storage.Journal,
        Durability = storage.Durability,
        SyncIntervalMilliseconds = storage.SyncIntervalMilliseconds,
    };

    private static void Discard(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    // The name LiteDbBackup gives the folder until the backup is complete.
    [GeneratedRegex(@"\.partial-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex PartialName();
}
