using IntegrationBot.Knowledge.Cli;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Evaluation;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Bot.Cli;

/// <summary><c>kb check</c> validates the content; <c>kb eval FILE</c> measures answer quality on an evaluation set.</summary>
public sealed class KbCommand : ICliCommand
{
    public string Name => "kb";

    public string Usage => "kb check | kb eval FILE [--verbose] [--no-peer]   validate the knowledge base / measure it on an evaluation set (with the minisearch BM25 peer side by side when installed)";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["check"]:
                return await KbCheckCommand.RunAsync(TopicCatalog.DefaultDirectory, context.Output, TimeProvider.System, cancellationToken);
            case ["eval", _, ..] when args.Skip(2).All(a => a is "--verbose" or "--no-peer"):
                var file = args[1];
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    await context.Error.WriteLineAsync($"error: no evaluation file or folder at {file}");
                    return ExitCodes.Usage;
                }

                // The BM25 peer runs side by side whenever Node and its npm package are there (npm ci in Knowledge/eval/peer).
                var peer = args.Contains("--no-peer") ? null : MiniSearchPeer.Locate();
                return await KbEvalCommand.RunAsync(file, context.Output, await LiveContent.LoadEngineAsync(context, cancellationToken), verbose: args.Contains("--verbose"), cancellationToken, peer);
            default:
                await context.Error.WriteLineAsync("usage: " + Usage);
                return ExitCodes.Usage;
        }
    }
}
