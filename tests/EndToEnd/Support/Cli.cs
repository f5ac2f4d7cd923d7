using System.Diagnostics;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>Runs the host's command line (<c>IntegrationBot.Bot.dll COMMAND ...</c>) as a real process.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataPath, string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IntegrationBot.Bot.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["IntegrationBot__Storage__Path"] = dataPath;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
