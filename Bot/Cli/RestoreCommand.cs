using System.Globalization;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Backup;

namespace IntegrationBot.Bot.Cli;

/// <summary>
/// <c>restore FOLDER</c>: a backup made by <c>backup</c> becomes the data folder (<c>IntegrationBot__Storage__Path</c>) of a
/// stopped server; the folder it replaces is moved aside, never deleted (<see cref="LiteDbRestore"/>).
/// </summary>
public sealed class RestoreCommand : ICliCommand
{
    public string Name => "restore";

    public string Usage => "restore FOLDER  make a backup the data folder of the stopped server (the old folder is kept beside it)";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (await LiteDbFolderCommand.StartAsync(context, args, Usage,
                "error: IntegrationBot__Storage__Provider=memory keeps nothing to restore into.",
                "error: with PostgreSQL, restore the database with PostgreSQL's own tools (pg_restore).") is not var (source, provider, storage))
        {
            return ExitCodes.Usage;
        }

        await using var _ = provider;
        var outcome = LiteDbRestore.Restore(source, storage, TimeProvider.System);
        switch (outcome.Status)
        {
            case LiteDbRestoreStatus.Restored:
                await ReportAsync(context.Output, source, outcome);
                return ExitCodes.Ok;
            case LiteDbRestoreStatus.HostRunning:
                await context.Error.WriteLineAsync($"error: nothing restored: {outcome.Problem}.");
                return ExitCodes.StorageUnavailable;
            default:
                await context.Error.WriteLineAsync($"error: nothing restored into {outcome.DataFolder}: {outcome.Problem}.");
                return ExitCodes.Failure;
        }
    }

    // Paths, sizes and counts only: the folders hold people's messages, the output none of them.
    private static async Task ReportAsync(TextWriter output, string source, LiteDbRestoreOutcome outcome)
    {
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Restored {Path.TrimEndingDirectorySeparator(source)} into {outcome.DataFolder}: {StorageOptions.FileName} ({outcome.DatabaseBytes / 1048576.0:F1} MB) and {outcome.KeyFiles} key files; folder 0700, files 0600."));
        await output.WriteLineAsync(outcome.KeptAs is null
            ? $"There was no data folder at {outcome.DataFolder}; nothing was moved aside."
            : $"The data folder as it was is kept at {outcome.KeptAs}: delete it once the restored server runs as it should (it holds every person's messages).");
        await output.WriteLineAsync("Next: start the server with this IntegrationBot__Storage__Path and the Storage:Password the backup was made with; it holds what it held when the backup began (docs/reliability.md, \"Backup and restore\").");
    }
}
