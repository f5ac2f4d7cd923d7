using System.Text.RegularExpressions;

namespace IntegrationBot.Handoff.Counselors;

/// <summary>The CLI command <c>counselor add NAME --languages sl,en [--admin] [--editor]</c> (an editor edits the knowledge base in those languages); the password is read from standard input
/// (first line) so it never appears in the shell history or process list.</summary>
public static partial class CounselorAddCommand
{
    public const string Usage = "usage: counselor add NAME --languages sl,en [--admin] [--editor]   (password on standard input)";

    /// <summary>Runs with the arguments after "counselor"; returns the process exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, CounselorDirectory directory, CancellationToken cancellationToken) =>
        RunAsync(args, input, output, error, directory.AddAsync, cancellationToken);

    /// <summary>Saves the account in <paramref name="directory"/>, with the editor role only when asked for.</summary>
    public static Task<Counselor> AddAsync(this CounselorDirectory directory, string name, IEnumerable<string> languages, string password, bool admin, bool editor, CancellationToken cancellationToken) =>
        directory.AddAsync(name, languages, password, admin, cancellationToken, isEditor: editor);

    /// <summary>As above, saving through <paramref name="add"/> (e.g. the running server's local admin endpoint).</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        Func<string, IEnumerable<string>, string, bool, bool, CancellationToken, Task<Counselor>> add,
        CancellationToken cancellationToken)
    {
        if (args.Count < 2 || args[0] != "add")
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var name = args[1];
        string? languages = null;
        var admin = false;
        var editor = false;
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--languages" when i + 1 < args.Count:
                    languages = args[++i];
                    break;
                case "--admin":
                    admin = true;
                    break;
                case "--editor":
                    editor = true;
                    break;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        if (languages is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        try
        {
            var counselor = await add(name, languages.Split(','), password, admin, editor, cancellationToken);

            await output.WriteLineAsync($"Counselor '{counselor.Name}' saved ({string.Join(",", counselor.Languages)}{(counselor.IsAdmin ? ", admin" : "")}{(counselor.IsEditor ? ", editor" : "")}).");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or LastAdminException)
        {
            // Without .NET's " (Parameter 'password')", also when the running server sent the message back.
            await error.WriteLineAsync("error: " + ParameterName().Replace(e.Message, ""));
            return 1;
        }
    }

    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterName();
}
