using System.Globalization;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Backup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        if (args is not [var source] || source.StartsWith('-'))
        {
            await context.Error.WriteLineAsync("Usage: " + Usage);
            return ExitCodes.Usage;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddDialogsRuntime(context.Configuration)
            .AddStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider != StorageOptions.LiteDbProvider)
        {
            await context.Error.WriteLineAsync(storage.Provider == StorageOptions.MemoryProvider
                ? "error: IntegrationBot__Storage__Provider=memory keeps nothing to restore into."
                : "error: with PostgreSQL, restore the database with PostgreSQL's own tools (pg_restore).");
            return ExitCodes.Usage;
        }

        // Relative to where the operator is, as for backup.
        var outcome = LiteDbRestore.Restore(Path.GetFullPath(source), storage, TimeProvider.System);
        switch (outcome.Status)
        {
            case LiteDbRestoreStatus.Restored:
                await ReportAsync(context.Output, Path.GetFullPath(source), outcome);
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
