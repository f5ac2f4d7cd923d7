using IntegrationBot.Bot.Hosting;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Bot.Cli;

/// <summary>Dispatches <c>args</c> to a command and turns expected failures into one clear line on standard error.</summary>
public static class CliApp
{
    private static readonly string[] HelpArguments = ["--help", "-h", "-?", "help"];

    /// <summary>True when the first argument names a command, asks for help or is a word that is no command; otherwise
    /// (no argument, or the host's own <c>--urls X</c>, <c>/urls X</c>, <c>urls=X</c>) the host runs the web server.
    /// Why words too: "--help" and a mistyped "bakup FOLDER" started the server on the data folder instead.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && (CliCommands.Find(args[0]) is not null || HelpArguments.Contains(args[0]) || IsWord(args[0]));

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Count > 0 && HelpArguments.Contains(args[0]))
        {
            await context.Output.WriteLineAsync("Without a command: runs the web host (chat widget at /, counselor console at /console);");
            await context.Output.WriteLineAsync("configuration through IntegrationBot__* variables, see README.md. Commands:");
            foreach (var known in CliCommands.All)
            {
                await context.Output.WriteLineAsync("  " + known.Usage);
            }

            return ExitCodes.Ok;
        }

        var command = args.Count > 0 ? CliCommands.Find(args[0]) : null;
        if (command is null)
        {
            if (args.Count > 0 && IsWord(args[0]))
            {
                await context.Error.WriteLineAsync($"error: '{args[0]}' is not a command. Without a command the host runs the web server.");
            }

            await context.Error.WriteLineAsync("Usage:");
            foreach (var known in CliCommands.All)
            {
                await context.Error.WriteLineAsync("  " + known.Usage);
            }

            return ExitCodes.Usage;
        }

        try
        {
            return await command.RunAsync(context, [.. args.Skip(1)], cancellationToken);
        }
        catch (StorageOpenException ex)
        {
            await context.Error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.StorageUnavailable;
        }
        catch (Exception ex) when (StartupSettings.Failures(ex) is { Count: > 0 } failures)
        {
            await context.Error.WriteLineAsync("error: invalid configuration: " + string.Join("; ", failures));
            return ExitCodes.Usage;
        }
    }

    private static bool IsWord(string argument) =>
        argument.Length > 0 && argument[0] is not ('-' or '/') && !argument.Contains('=', StringComparison.Ordinal);
}
