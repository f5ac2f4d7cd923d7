namespace IntegrationBot.Dialogs.Storage;

/// <summary>The outcome of a backup: where it is and what it holds, or why none was made (<see cref="Problem"/>).</summary>
public sealed record StoreBackup(StoreBackupStatus Status, string Folder, string? Problem = null, long DatabaseBytes = 0, int KeyFiles = 0, TimeSpan Elapsed = default)
{
    public static StoreBackup Refused(string folder, string problem) => new(StoreBackupStatus.Refused, folder, problem);

    public static StoreBackup Conflict(string folder, string problem) => new(StoreBackupStatus.Conflict, folder, problem);
}
