using IntegrationBot.Bot.Cli;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary><c>counselor add</c> as README's "First admin on a fresh install" runs it, with what an operator gets wrong.</summary>
public sealed class CounselorCommandTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    // Found walking the README: a short password or a mistyped language printed .NET's argument text,
    // "Password must have at least 8 characters. (Parameter 'password')", without the "error: " the other commands
    // start their refusals with.
    [Theory]
    [InlineData("short", "sl,en", "error: Password must have at least 8 characters.")]
    [InlineData("a-long-password", "sl,si", "error: Languages must be some of sl, en, sq, hbs, ar.")]
    public async Task A_refused_account_is_one_error_line_without_the_parameter_name(string password, string languages, string line)
    {
        var (exit, output, error) = await CliRun.RunAsync(_data.Path, password + "\n", "counselor", "add", "Ana", "--languages", languages, "--admin");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Empty(output);
        Assert.Equal(line, error.TrimEnd());
    }

    public void Dispose() => _data.Dispose();
}
