using System.Diagnostics;

namespace IntegrationBot.TestSupport;

/// <summary>Runs the <c>dotnet</c> command line (msbuild, publish) on this source tree as its own process.</summary>
public static class DotnetCommand
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.FullPath,
        };
        // The test host may run under `dotnet test`, whose MSBuild variables would steer this evaluation.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
