using System.Diagnostics;
using System.Text.Json;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Load;

/// <summary>
/// bench/Turn.Benchmarks' timed run, whose JSON lines bench/peer/run.sh parses: a measure that cannot be computed is
/// null, never NaN (which is not JSON and crashed the peer comparison).
/// </summary>
public sealed class TimedRunTests
{
    [Theory]
    [InlineData("memory", 0)]
    [InlineData("litedb", 0)]
    [InlineData("litedb", 2)]
    public async Task Every_line_is_json_with_numbers_or_nulls(string storage, int conversations)
    {
        var ct = TestContext.Current.CancellationToken;
        var dataRoot = Directory.CreateTempSubdirectory("timed-run-");
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(
                ["timed", "--bot", "peer", "--storage", storage, "--data-root", dataRoot.FullName,
                 "--conversations", $"{conversations}", "--turns", "3", "--warmup", "1"],
                ct);

            Assert.True(exitCode == 0, $"timed run exited {exitCode}: {stderr}");
            using var json = JsonDocument.Parse(stdout.Trim());
            Assert.Equal(conversations * 3, json.RootElement.GetProperty("turns").GetInt32());
            var median = json.RootElement.GetProperty("medianMicroseconds");
            Assert.Equal(conversations == 0 ? JsonValueKind.Null : JsonValueKind.Number, median.ValueKind);
            Assert.All(json.RootElement.EnumerateObject(), p => Assert.Contains(p.Value.ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null, JsonValueKind.String, JsonValueKind.True, JsonValueKind.False }));
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        // Same configuration as this test assembly: bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var tool = RepositoryRoot.Combine("bench", "Turn.Benchmarks", "bin", configuration, "net10.0", "IntegrationBot.Turn.Benchmarks.dll");
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
