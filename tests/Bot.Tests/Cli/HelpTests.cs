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
}
