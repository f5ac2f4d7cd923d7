using System.Net;
using System.Text;
using IntegrationBot.Bot.Tests.Channels;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>No secret of the host's configuration appears in any log line at any level while it talks to both networks.</summary>
public sealed class SecretLogTests
{
    private const string WebhookSecret = CounselorReplyOverTelegramTests.Secret;
    private const string StoragePassword = "st0rage-PASSWORD-91b2";

    [Fact]
    public async Task Bot_tokens_webhook_secret_and_storage_password_never_reach_the_logs_even_at_trace_level()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var viber = await FakeViberApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(
            new Dictionary<string, string>
            {
                ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
                ["IntegrationBot:Channels:Telegram:WebhookSecret"] = WebhookSecret,
                ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = telegram.BaseUrl,
                ["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken,
                ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = viber.BaseUrl,
                ["IntegrationBot:Channels:Viber:BotName"] = "Starting Point Postojna",
                ["IntegrationBot:Storage:Password"] = StoragePassword,
            },
            logs);

        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 1, "/start", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 2, "/start", ct, secret: WebhookSecret + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostViberAsync(host, 1, "Zdravo", ct)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (telegram.CallsTo("sendMessage").Count == 0 || viber.CallsTo("send_message").Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot never answered on both networks");
            await Task.Delay(50, ct);
        }

        await host.StopAsync();
        Assert.Contains(logs.Lines, l => l.StartsWith("Trace", StringComparison.Ordinal));
        foreach (var secret in new[] { FakeTelegramApi.Token, FakeTelegramApi.Token.Split(':')[1], FakeViberApi.AuthToken, WebhookSecret, StoragePassword })
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task<HttpResponseMessage> PostViberAsync(ChatHost host, int messageToken, string text, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"event":"message","timestamp":1457764197627,"message_token":{{{messageToken}}},"sender":{"id":"viber-user-1","name":"Nedim","language":"bs","country":"SI","api_version":8},"message":{"type":"text","text":"{{{text}}}"}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/viber") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ViberSignature.Header, ViberSignature.Compute(body, FakeViberApi.AuthToken));
        return await host.Client.SendAsync(request, ct);
    }
}
