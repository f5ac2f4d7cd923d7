namespace IntegrationBot.Dialogs.Storage;

/// <summary>The database file could not be opened (corrupt, locked by another process, wrong password); the message names the file.</summary>
public sealed class StorageOpenException : Exception
{
    public StorageOpenException(string filePath, string reason, Exception? innerException = null)
        : base($"Cannot open the database file '{filePath}': {reason}", innerException)
    {
        FilePath = filePath;
    }

    public StorageOpenException()
    {
        FilePath = string.Empty;
    }

    public StorageOpenException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public StorageOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    public string FilePath { get; }
}
