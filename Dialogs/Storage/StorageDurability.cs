namespace IntegrationBot.Dialogs.Storage;

/// <summary>When a LiteDB write counts as done (<c>IntegrationBot:Storage:Durability</c>).</summary>
public enum StorageDurability
{
    /// <summary>
    /// <c>fsync</c> (default): a write returns once an fsync that started after it has finished, so it survives a power
    /// loss. Concurrent writers share one fsync (group commit).
    /// </summary>
    Fsync,

    /// <summary>
    /// <c>os</c>: a write returns once the operating system has the data (it survives a crash or kill of the process);
    /// a background fsync follows within <see cref="StorageOptions.SyncIntervalMilliseconds"/>, so a power loss can
    /// lose at most that last interval.
    /// </summary>
    Os,
}
