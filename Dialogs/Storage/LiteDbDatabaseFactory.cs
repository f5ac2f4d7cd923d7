using LiteDB;

namespace IntegrationBot.Dialogs.Storage;

/// <summary>Opens <c>integrationbot.db</c> in the data directory and turns every way that can fail into a <see cref="StorageOpenException"/>.</summary>
public static class LiteDbDatabaseFactory
{
    public static SharedLiteDatabase Open(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = options.DatabaseFilePath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageOpenException(file, $"the data directory cannot be created ({ex.Message}).", ex);
        }

        var connection = new ConnectionString
        {
            Filename = file,
            Connection = ConnectionType.Direct,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
        };

        LiteDatabase? database = null;
        FileStream? processLock = null;
        try
        {
            // LiteDB's own file sharing lets a second process open the file on Linux; an exclusive lock file prevents
            // two hosts (or a chat next to the web host) from writing the same database.
            processLock = new FileStream(file + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            database = new LiteDatabase(connection);
            // Opening is lazy in places; touching the catalog makes a corrupt or undecryptable file fail here, not mid-turn.
            _ = database.GetCollectionNames().ToList();
            return new SharedLiteDatabase(database, file, processLock);
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException or InvalidCastException or IndexOutOfRangeException or System.Security.Cryptography.CryptographicException)
        {
            database?.Dispose();
            processLock?.Dispose();
            throw new StorageOpenException(file, Describe(ex), ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        IOException => "it is in use by another IntegrationBot process (stop it and retry) or cannot be read.",
        UnauthorizedAccessException => "access is denied.",
        LiteException lite when lite.Message.Contains("password", StringComparison.OrdinalIgnoreCase) =>
            "the password is wrong or missing (IntegrationBot:Storage:Password).",
        _ => "the file is corrupt, not an IntegrationBot database, or the password (IntegrationBot:Storage:Password) is wrong.",
    };
}
