namespace IntegrationBot.Bot.Cli;

/// <summary>One command of <c>dotnet run --project Bot -- NAME ...</c>.</summary>
public interface ICliCommand
{
    /// <summary>The first argument that selects this command, e.g. <c>chat</c> or <c>kb</c> (sub-commands are its arguments).</summary>
    string Name { get; }

    /// <summary>One usage line for the help text.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the name; returns the process exit code.</summary>
    Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken);
}
