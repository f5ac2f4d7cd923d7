using Microsoft.Extensions.Configuration;

namespace IntegrationBot.Bot.Cli;

/// <summary>What a command may use: standard streams and configuration. Tests pass their own.</summary>
public sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, IConfiguration Configuration)
{
    /// <summary>The real console, with <c>appsettings.json</c> and environment variables as configuration.</summary>
    public static CliContext FromConsole()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new CliContext(Console.In, Console.Out, Console.Error, configuration);
    }
}
