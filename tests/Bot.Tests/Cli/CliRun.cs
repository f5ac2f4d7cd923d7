using IntegrationBot.Bot.Cli;
using Microsoft.Extensions.Configuration;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary>Runs a command line as the console would, with its data directory at <c>dataPath</c>.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string dataPath, string input, params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["IntegrationBot:Storage:Path"] = dataPath })
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(input), output, error, configuration);
        var exit = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
