namespace IntegrationBot.Bot.Cli;

/// <summary>The command table. Add a command by writing an <see cref="ICliCommand"/> and listing it here.</summary>
public static class CliCommands
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new ChatCommand(),
        new AskCommand(),
        new KbCommand(),
        new CounselorCommand(),
        new BackupCommand(),
        new RestoreCommand(),
    ];

    public static ICliCommand? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
