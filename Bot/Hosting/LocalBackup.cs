namespace IntegrationBot.Bot.Hosting;

/// <summary>What <c>backup</c> asks of the running server: the new folder to write the backup to (an absolute path).</summary>
public sealed record LocalBackup(string? Folder);
