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
