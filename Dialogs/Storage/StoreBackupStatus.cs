namespace IntegrationBot.Dialogs.Storage;

/// <summary>How a <see cref="IStoreBackup"/> request ended.</summary>
public enum StoreBackupStatus
{
    /// <summary>The folder holds the backup.</summary>
    Written,

    /// <summary>The folder cannot be used (not an absolute path, no parent folder, not writable by the host); nothing written.</summary>
    Refused,

    /// <summary>The folder exists already, or another backup is being made; nothing written.</summary>
    Conflict,

    /// <summary>Writing the copy failed (a full disk); nothing is left of it.</summary>
    Failed,
}
