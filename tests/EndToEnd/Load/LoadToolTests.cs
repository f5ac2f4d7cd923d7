using System.Text.Json;
using IntegrationBot.EndToEnd.Support;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Load;

/// <summary>
/// bench/LoadTool against a real host, small: every simulated migrant is onboarded and every question answered, on the
/// web chat (Direct Line over WebSocket) and on Telegram (webhook in, the tool's fake Bot API out).
/// </summary>
public sealed class LoadToolTests
{
    private const int Conversations = 6;
    private const int Turns = 2;

    [Theory]
    [InlineData("directline")]
    [InlineData("telegram")]
    public async Task Every_migrant_is_onboarded_and_every_question_answered(string channel)
    {
        var ct = TestContext.Current.CancellationToken;
        var apiPort = HostProcess.FreePort();
        const string WebChatSecret = "load-test-secret-0123456789";
        const string TelegramToken = "123456:LOAD-test";
        const string TelegramSecret = "load-test-webhook-secret";
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["IntegrationBot__Channels__WebChat__Secret"] = WebChatSecret,
            ["IntegrationBot__Channels__Telegram__Token"] = TelegramToken,
            ["IntegrationBot__Channels__Telegram__WebhookSecret"] = TelegramSecret,
            ["IntegrationBot__Channels__Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}",
        });

        string[] telegram = channel == "telegram"
            ? ["--telegram-api-port", $"{apiPort}", "--telegram-token", TelegramToken, "--telegram-secret", TelegramSecret]
            : [];
        var (exitCode, row, report) = await RunToolAsync(
            [
                "--base-url", host.BaseAddress.ToString(), "--secret", WebChatSecret, "--channel", channel, .. telegram,
                "--conversations", $"{Conversations}", "--turns", $"{Turns}", "--max-seconds", "120",
                "--questions", RepositoryRoot.Combine("Knowledge", "eval", "parts"), "--label", channel,
            ],
            ct);

        Assert.True(exitCode == 0, $"load tool exited {exitCode}: {report}\nhost:\n{host.Output}");
        using var json = JsonDocument.Parse(report);
        Assert.Equal(0, json.RootElement.GetProperty("FailedConversations").GetInt32());
        Assert.Equal(Conversations * Turns, json.RootElement.GetProperty("Turns").GetInt32());
        Assert.StartsWith($"| {channel} | 1 | {Conversations} |", row, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Row, string Report)> RunToolAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var (exitCode, stdout, stderr) = await BenchTool.RunAsync("LoadTool", "IntegrationBot.LoadTool.dll", arguments, cancellationToken);
        var report = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{')) ?? stderr;
        return (exitCode, stdout.Trim(), report);
    }
}
