using IntegrationBot.Bot.Cli;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary>An operator's first try, <c>--help</c>: the commands, not a web server started in the current folder.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_commands_and_starts_nothing(string argument)
    {
        var data = Path.Combine(Path.GetTempPath(), "ib-help-" + Guid.NewGuid().ToString("N"));

        var (exit, output, _) = await CliRun.RunAsync(data, "", argument);

        Assert.True(CliApp.IsCommand([argument]));
        Assert.Equal(0, exit);
        Assert.Contains("counselor add", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    // Found following the README's command table: "bakup /srv/backups/monday" (a typo) started the web server on
    // localhost:5080 with the data folder, as if no command had been given, and the operator waited for a backup.
    [Theory]
    [InlineData("bakup", "/tmp/backups/monday")]
    [InlineData("erase", "--user", "ana")]
    public async Task A_word_that_is_no_command_is_named_with_the_commands_and_starts_nothing(params string[] args)
    {
        var data = Path.Combine(Path.GetTempPath(), "ib-help-" + Guid.NewGuid().ToString("N"));

        var (exit, output, error) = await CliRun.RunAsync(data, "", args);

        Assert.True(CliApp.IsCommand(args), "the host would start a web server");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: '{args[0]}' is not a command.", error, StringComparison.Ordinal);
        Assert.Contains("backup FOLDER", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5080")]
    [InlineData("urls=http://127.0.0.1:5080")]
    [InlineData("/urls", "http://127.0.0.1:5080")]
    public void Host_options_still_start_the_web_host(params string[] args) => Assert.False(CliApp.IsCommand(args));
}
