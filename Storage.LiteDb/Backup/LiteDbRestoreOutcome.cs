namespace IntegrationBot.Storage.LiteDb.Backup;

/// <summary>
/// What <see cref="LiteDbRestore"/> did: the data folder it filled, where the folder it replaced is kept (null when there
/// was none) and what it copied; or why it did nothing (<see cref="Problem"/>).
/// </summary>
public sealed record LiteDbRestoreOutcome(
    LiteDbRestoreStatus Status,
    string DataFolder,
    string? Problem = null,
    string? KeptAs = null,
    long DatabaseBytes = 0,
    int KeyFiles = 0)
{
    public static LiteDbRestoreOutcome Refused(LiteDbRestoreStatus status, string dataFolder, string problem) => new(status, dataFolder, problem);
}
