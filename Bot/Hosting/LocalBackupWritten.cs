namespace IntegrationBot.Bot.Hosting;

/// <summary>The running server's answer to <c>backup</c>: where the backup is and what it holds.</summary>
public sealed record LocalBackupWritten(string Folder, long DatabaseBytes, int KeyFiles, long Milliseconds);
