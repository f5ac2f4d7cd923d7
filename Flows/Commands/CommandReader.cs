using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Commands;

/// <summary>Recognizes a command: <c>/menu</c> (also <c>/menu@BotName</c>), or a whole message equal to a command word in any language.</summary>
public sealed class CommandReader
{
    private static readonly (FlowCommand Command, string Name)[] Names =
    [
        (FlowCommand.Start, "start"), (FlowCommand.Menu, "menu"), (FlowCommand.Language, "language"),
        (FlowCommand.Counselor, "counselor"), (FlowCommand.Privacy, "privacy"), (FlowCommand.Delete, "delete"),
        (FlowCommand.Help, "help"), (FlowCommand.Plan, "plan"), (FlowCommand.Stop, "stop"),
    ];

    private readonly Dictionary<string, FlowCommand> _words = new(StringComparer.Ordinal);

    public CommandReader(Localizer localizer)
    {
        foreach (var (command, name) in Names)
        {
            foreach (var language in Language.All)
            {
                foreach (var word in localizer.Words(language, $"command.{name}.words"))
                {
                    _words.TryAdd(TextNormalizer.Fold(word).Trim(), command);
                }
            }
        }
    }

    public FlowCommand Read(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return FlowCommand.None;
        }

        if (trimmed[0] == '/')
        {
            var name = trimmed[1..].Split([' ', '@'], 2)[0].ToLowerInvariant();
            var known = Names.FirstOrDefault(n => n.Name == name);
            return known.Name is null ? (name.Length == 0 ? FlowCommand.None : FlowCommand.Unknown) : known.Command;
        }

        return trimmed.Length <= 40 && _words.TryGetValue(TextNormalizer.Fold(trimmed).Trim(' ', '.', '!', '?'), out var command)
            ? command
            : FlowCommand.None;
    }
}
