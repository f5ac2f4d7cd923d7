using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Cli;

/// <summary>Dispatches <c>args</c> to a command and turns expected failures into one clear line on standard error.</summary>
public static class CliApp
{
    /// <summary>True when the first argument names a command; otherwise the host runs the web server.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) => args.Count > 0 && CliCommands.Find(args[0]) is not null;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var command = args.Count > 0 ? CliCommands.Find(args[0]) : null;
        if (command is null)
        {
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
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync("error: invalid configuration: " + string.Join("; ", ex.Failures));
            return ExitCodes.Usage;
        }
    }
}
