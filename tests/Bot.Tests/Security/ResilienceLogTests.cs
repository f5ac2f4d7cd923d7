using System.Net;
using IntegrationBot.Bot.Tests.Channels;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// Polly (the channel clients' retry policy) logs every successful send at Information: in the Telegram load run that
/// was 13,287 log lines for 4,000 turns, three per reply, in the operator's log and on the host's CPU. Only retries and
/// failures (Warning and above) are written unless the operator asks for more (<c>Logging:LogLevel:Polly</c>).
/// </summary>
public sealed class ResilienceLogTests
{
    [Fact]
    public async Task A_reply_sent_at_the_first_attempt_writes_no_resilience_log_line()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(Telegram(telegram), logs);

        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 1, "/start", ct)).StatusCode);
        await WaitForReplyAsync(telegram, ct);
        await host.StopAsync();

        Assert.DoesNotContain(logs.Lines, l => l.Contains(" Polly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_who_asks_for_polly_at_information_gets_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string>(Telegram(telegram)) { ["Logging:LogLevel:Polly"] = "Information" };
        await using var host = new ChatHost(settings, logs);

        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 1, "/start", ct)).StatusCode);
        await WaitForReplyAsync(telegram, ct);
        await host.StopAsync();

        Assert.Contains(logs.Lines, l => l.StartsWith("Information Polly", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Telegram(FakeTelegramApi telegram) => new()
    {
        ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
        ["IntegrationBot:Channels:Telegram:WebhookSecret"] = CounselorReplyOverTelegramTests.Secret,
        ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = telegram.BaseUrl,
    };

    private static async Task WaitForReplyAsync(FakeTelegramApi telegram, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (telegram.CallsTo("sendMessage").Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot never answered");
            await Task.Delay(50, ct);
        }
    }
}
