using System.Globalization;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Cli;

/// <summary>
/// <c>backup FOLDER</c>: a consistent copy of the LiteDB data folder's database and keys into a new folder. While the
/// server runs (it holds the file) the server makes it; otherwise this process opens the file and makes it.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    public string Name => "backup";

    public string Usage => "backup FOLDER   copy the data (LiteDB file and keys) into a new folder, also while the server runs";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (await LiteDbFolderCommand.StartAsync(context, args, Usage,
                "error: IntegrationBot__Storage__Provider=memory keeps nothing to back up.",
                "error: with PostgreSQL, back up the schema with pg_dump (docs/storage-postgres.md).") is not var (folder, provider, storage))
        {
            return ExitCodes.Usage;
        }

        await using var _ = provider;
        // Opening a folder without a database would create an empty one and back that up.
        if (!File.Exists(storage.DatabaseFilePath))
        {
            await context.Error.WriteLineAsync($"error: there is no database at {Path.GetFullPath(storage.DatabaseFilePath)}; set IntegrationBot__Storage__Path to the server's data folder.");
            return ExitCodes.StorageUnavailable;
        }

        StoreBackup result;
        try
        {
            result = await provider.GetRequiredService<IStoreBackup>().BackUpAsync(folder, cancellationToken);
        }
        catch (StorageOpenException) when (RunningServer.Find(storage.Path) is { } server)
        {
            result = await server.BackUpAsync(folder, cancellationToken);
        }

        if (result.Status != StoreBackupStatus.Written)
        {
            await context.Error.WriteLineAsync($"error: no backup written to {result.Folder}: {result.Problem}.");
            return ExitCodes.Failure;
        }

        await context.Output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Backup written to {result.Folder}: {StorageOptions.FileName} ({result.DatabaseBytes / 1048576.0:F1} MB) and {result.KeyFiles} key files, in {result.Elapsed.TotalSeconds:F1} s."));
        await context.Output.WriteLineAsync($"To restore it: stop the server, then run restore {result.Folder} with the same IntegrationBot__Storage__Path (docs/reliability.md, \"Backup and restore\").");
        return ExitCodes.Ok;
    }
}
