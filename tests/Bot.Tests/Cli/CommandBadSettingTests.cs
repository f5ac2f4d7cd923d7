using IntegrationBot.Bot.Cli;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Configuration;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary>A command given a setting in the wrong form says which, in one line, as the host does at start.</summary>
public sealed class CommandBadSettingTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _backups = new();

    // Found taking a backup as README says with IntegrationBot__Storage__Journal=yes: "Unhandled exception.
    // System.InvalidOperationException: Failed to convert configuration value 'yes' ...", a stack trace, exit 134.
    [Fact]
    public async Task A_setting_the_command_cannot_read_is_named_in_one_line_with_exit_code_2()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["IntegrationBot:Storage:Path"] = _data.Path,
                ["IntegrationBot:Storage:Journal"] = "yes",
            })
            .Build();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), new StringWriter(), error, configuration);

        var exit = await CliApp.RunAsync(["backup", Path.Combine(_backups.Path, "b")], context, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("error: invalid configuration: IntegrationBot:Storage:Journal 'yes' is not true or false", error.ToString().Trim());
    }

    public void Dispose()
    {
        _data.Dispose();
        _backups.Dispose();
    }
}
