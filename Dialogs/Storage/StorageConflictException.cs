namespace IntegrationBot.Dialogs.Storage;

/// <summary>A write carried an eTag that no longer matches the stored document: someone else wrote it first.</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException(string key, string? expectedETag, string? actualETag)
        : base($"Storage conflict on '{key}': the write expected eTag '{expectedETag ?? "(new)"}' but the stored eTag is '{actualETag ?? "(none)"}'. Reload and retry.")
    {
        Key = key;
    }

    public StorageConflictException()
    {
        Key = string.Empty;
    }

    public StorageConflictException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    public string Key { get; }
}
