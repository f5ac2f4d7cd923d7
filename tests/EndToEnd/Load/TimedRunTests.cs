using System.Text.Json;
using IntegrationBot.EndToEnd.Support;

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
            var (exitCode, stdout, stderr) = await BenchTool.RunAsync(
                "Turn.Benchmarks",
                "IntegrationBot.Turn.Benchmarks.dll",
                ["timed", "--bot", "peer", "--storage", storage, "--data-root", dataRoot.FullName,
                 "--conversations", $"{conversations}", "--turns", "3", "--warmup", "1"],
                ct);

            Assert.True(exitCode == 0, $"timed run exited {exitCode}: {stderr}");
            using var json = JsonDocument.Parse(stdout.Trim());
            Assert.Equal(conversations * 3, json.RootElement.GetProperty("turns").GetInt32());
            var median = json.RootElement.GetProperty("medianMicroseconds");
            Assert.Equal(conversations == 0 ? JsonValueKind.Null : JsonValueKind.Number, median.ValueKind);
            // Every per-turn measure: a number when there were turns, null (never NaN) when there were none.
            Assert.All(
                json.RootElement.EnumerateObject().Where(p => p.Name.EndsWith("Microseconds", StringComparison.Ordinal) && p.Name != "threadCpuMicroseconds"),
                p => Assert.Equal(conversations == 0 ? JsonValueKind.Null : JsonValueKind.Number, p.Value.ValueKind));
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_web_chat_mode_stores_each_message_and_reply_in_the_log_and_counts_transactions()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataRoot = Directory.CreateTempSubdirectory("timed-run-");
        try
        {
            var (exitCode, stdout, stderr) = await BenchTool.RunAsync(
                "Turn.Benchmarks",
                "IntegrationBot.Turn.Benchmarks.dll",
                ["timed", "--bot", "peer", "--storage", "litedb", "--channel", "webchat", "--data-root", dataRoot.FullName,
                 "--conversations", "2", "--turns", "3", "--warmup", "1"],
                ct);

            Assert.True(exitCode == 0, $"timed run exited {exitCode}: {stderr}");
            using var json = JsonDocument.Parse(stdout.Trim());
            Assert.Equal("webchat", json.RootElement.GetProperty("channel").GetString());
            // The replies went through the real Direct Line sender (a reply to an unknown conversation would fail).
            Assert.True(json.RootElement.GetProperty("replies").GetInt32() >= 6);
            // The turn's transaction, which also carries the user's message and the reply lines (issue 19); the
            // message's own transaction before the turn (2 per turn) is gone.
            var transactions = json.RootElement.GetProperty("transactionsPerTurn").GetDouble();
            Assert.InRange(transactions, 1, 1.9);
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }
}
