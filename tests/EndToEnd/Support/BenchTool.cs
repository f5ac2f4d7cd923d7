using System.Diagnostics;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>Runs a tool of bench/ (built with this test assembly, same configuration) as its own process.</summary>
internal static class BenchTool
{
    /// <param name="project">The folder under bench/, e.g. <c>LoadTool</c>.</param>
    /// <param name="assembly">The tool's assembly file name, e.g. <c>IntegrationBot.LoadTool.dll</c>.</param>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string project, string assembly, string[] arguments, CancellationToken cancellationToken)
    {
        // Same configuration as this test assembly: bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var tool = RepositoryRoot.Combine("bench", project, "bin", configuration, "net10.0", assembly);
        var start = new ProcessStartInfo("dotnet", [tool, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.FullPath,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
