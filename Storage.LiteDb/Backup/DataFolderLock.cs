using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Backup;

/// <summary>
/// The lock a host holds on its data folder while its database is open (<c>integrationbot.db.lock</c>,
/// <see cref="LiteDbDatabaseFactory.LockFilePath"/>), taken by <c>restore</c> so no host opens the folder meanwhile.
/// </summary>
/// <remarks>The lock, not the file: a host that crashed leaves the file, and the operating system has dropped its lock.</remarks>
internal sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock of the folder of <paramref name="dataFile"/>, or null while another process holds it.</summary>
    public static DataFolderLock? TryTake(string dataFile)
    {
        var path = LiteDbDatabaseFactory.LockFilePath(dataFile);
        try
        {
            // No DeleteOnClose: that deletes by path, and after the folder moved the path may be another folder's lock.
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True while a process holds the folder of <paramref name="dataFile"/>; creates nothing in it.</summary>
    public static bool IsHeld(string dataFile)
    {
        var path = LiteDbDatabaseFactory.LockFilePath(dataFile);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Releases the lock and removes its file, now at <paramref name="lockPath"/>.</summary>
    public void Release(string lockPath)
    {
        if (OperatingSystem.IsWindows())
        {
            _file.Dispose();
            File.Delete(lockPath);
            return;
        }

        // Removed while held: a host that starts now creates a file of its own and finds the folder complete.
        File.Delete(lockPath);
        _file.Dispose();
    }

    public void Dispose() => _file.Dispose();
}
