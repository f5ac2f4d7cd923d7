namespace IntegrationBot.Storage.LiteDb.Backup;

/// <summary>
/// Folders and files that hold every person's messages and the keys of their tokens, made the server's user's alone
/// (0700, 0600) whatever the process's umask, and written through to the disk: what <c>backup</c> and <c>restore</c> create.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>A new file (never one that exists), unbuffered: the caller flushes it to the disk.</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>Copies <paramref name="source"/> to a new <paramref name="target"/> on the disk; its length.</summary>
    public static long CopyFile(string source, string target)
    {
        using var from = new FileStream(source, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read);
        using var to = CreateFile(target);
        from.CopyTo(to, 1 << 20);
        to.Flush(flushToDisk: true);
        return to.Length;
    }

    /// <summary>
    /// Copies the Data Protection key files of <paramref name="source"/> into a new folder <paramref name="target"/>; how
    /// many. Data Protection writes a key under a temporary name and renames it to key-*.xml: the *.xml are complete.
    /// </summary>
    public static int CopyKeys(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return 0;
        }

        CreateFolder(target);
        var copied = 0;
        foreach (var key in Directory.GetFiles(source, "*.xml"))
        {
            CopyFile(key, Path.Combine(target, Path.GetFileName(key)));
            copied++;
        }

        return copied;
    }

    /// <summary>Makes every file under <paramref name="folder"/> the owner's alone (files a library created meanwhile).</summary>
    public static void Close(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }
}
