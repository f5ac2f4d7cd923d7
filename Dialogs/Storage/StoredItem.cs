namespace IntegrationBot.Dialogs.Storage;

/// <summary>
/// One stored document as JSON with its eTag. When writing, <see cref="ETag"/> is the eTag that was read:
/// null means "must not exist yet", <see cref="AnyETag"/> overwrites unconditionally.
/// </summary>
public sealed record StoredItem(string Json, string? ETag = null)
{
    public const string AnyETag = "*";
}
