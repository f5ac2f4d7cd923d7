using IntegrationBot.Knowledge.Cli;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Bot.Cli;

/// <summary><c>kb check</c> validates the content; <c>kb eval FILE</c> measures answer quality on an evaluation set.</summary>
public sealed class KbCommand : ICliCommand
{
    public string Name => "kb";

    public string Usage => "kb check | kb eval FILE [--verbose]   validate the knowledge base / measure it on an evaluation set";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["check"]:
                return await KbCheckCommand.RunAsync(TopicCatalog.DefaultDirectory, context.Output, TimeProvider.System, cancellationToken);
            case ["eval", _] or ["eval", _, "--verbose"]:
                var file = args[1];
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    await context.Error.WriteLineAsync($"error: no evaluation file or folder at {file}");
                    return ExitCodes.Usage;
                }

                return await KbEvalCommand.RunAsync(file, context.Output, await LiveContent.LoadEngineAsync(context, cancellationToken), verbose: args.Count == 3, cancellationToken);
            default:
                await context.Error.WriteLineAsync("usage: " + Usage);
                return ExitCodes.Usage;
        }
    }
}
