using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.TestSupport;

/// <summary>A temporary data directory for a real LiteDB file; deleted on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "integrationbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public StorageOptions Options(string? password = null) => new() { Path = Path, Password = password };

    public string DatabaseFile => Options().DatabaseFilePath;

    public SharedLiteDatabase Open(string? password = null) => LiteDbDatabaseFactory.Open(Options(password));

    /// <summary>
    /// Copies the files as the operating system holds them while the database is open (the lock file aside) into
    /// <paramref name="crash"/>: what a restart after a process crash or a kill finds.
    /// </summary>
    public void CopyAsCrashTo(TempDataDirectory crash)
    {
        ArgumentNullException.ThrowIfNull(crash);
        foreach (var file in Directory.GetFiles(Path).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            // FileShare: the database holds its files open for writing.
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(System.IO.Path.Combine(crash.Path, System.IO.Path.GetFileName(file)));
            source.CopyTo(target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold the file; the OS temp cleanup takes it later.
        }
    }
}
