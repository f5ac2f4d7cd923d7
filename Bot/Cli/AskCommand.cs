using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Bot.Cli;

/// <summary><c>ask [--lang CODE]</c>: one question per input line, one JSON result per output line (for knowledge-base authors),
/// answered from the live content (shipped plus edits published in the console).</summary>
public sealed class AskCommand : ICliCommand
{
    public string Name => "ask";

    public string Usage => "ask [--lang sl|en|sq|hbs|ar]   one question per line in, one JSON line out";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string? forced = null;
        if (args.Count == 2 && args[0] == "--lang" && Language.All.Contains(args[1]))
        {
            forced = args[1];
        }
        else if (args.Count != 0)
        {
            await context.Error.WriteLineAsync("usage: " + Usage);
            return ExitCodes.Usage;
        }

        var engine = await LiveContent.LoadEngineAsync(context, cancellationToken);
        return await Knowledge.Cli.AskCommand.RunAsync(context.Input, context.Output, forced, engine, cancellationToken);
    }
}
