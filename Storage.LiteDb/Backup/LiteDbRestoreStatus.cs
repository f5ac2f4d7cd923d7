namespace IntegrationBot.Storage.LiteDb.Backup;

/// <summary>How a <see cref="LiteDbRestore"/> ended.</summary>
public enum LiteDbRestoreStatus
{
    /// <summary>The backup is the data folder; the folder it replaced is kept beside it.</summary>
    Restored,

    /// <summary>The folder is not a complete backup made by <c>backup</c>, or it does not open; nothing was changed.</summary>
    NotABackup,

    /// <summary>A host holds the data folder or the backup folder; nothing was changed.</summary>
    HostRunning,

    /// <summary>Copying or moving failed (a full disk, permissions); the problem says where each folder is.</summary>
    Failed,
}
