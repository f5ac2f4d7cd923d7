using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Bot.Cli;

/// <summary><c>ask [--lang CODE]</c>: one question per input line, one JSON result per output line in the same order
/// (<see cref="KnowledgeResultJson"/>; for knowledge-base authors), answered from the live content (shipped plus edits
/// published in the console).</summary>
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
        while (await context.Input.ReadLineAsync(cancellationToken) is { } line)
        {
            var result = engine.Ask(line, forced, null);
            await context.Output.WriteLineAsync(KnowledgeResultJson.ToJson(result).AsMemory(), cancellationToken);
        }

        await context.Output.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
