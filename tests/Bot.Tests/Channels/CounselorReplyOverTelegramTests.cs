using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// The whole path on the real host: a Telegram user asks for a person through the webhook, a counselor takes the
/// request and answers, and the answer reaches the user through the outbox and the real Telegram.Bot client.
/// </summary>
public sealed class CounselorReplyOverTelegramTests
{
    internal const string Secret = "relay_test-secret";
    private const long ChatId = 777001;

    [Fact]
    public async Task Counselor_reply_reaches_the_telegram_user_and_the_user_reaches_the_counselor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = StartHost(api);

        var update = 100;
        foreach (var text in new[] { "/start", "English", "Accept", "I want to talk to a person" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(host, ++update, text, ct)).StatusCode);
        }

        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = await queue.FindOpenAsync(TelegramAdapterChannel, ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        Assert.NotNull(request);
        Assert.Equal("en", request.Language);
        Assert.Contains(request.Transcript, e => e.Text.Contains("talk to a person", StringComparison.Ordinal));

        Assert.Equal(HandoffResultKind.Ok, (await queue.ClaimAsync(request.Id, "Maja", ct)).Kind);
        Assert.Equal(HandoffResultKind.Ok, (await queue.SendCounselorMessageAsync(request.Id, "Maja", "Hello, this is Maja. How can I help?", ct)).Kind);
        await WaitForTextAsync(api, "Maja · counselor\nHello, this is Maja. How can I help?");

        Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(host, ++update, "I need a flat for my family", ct)).StatusCode);
        var held = await queue.GetAsync(request.Id, ct);
        Assert.Contains(held!.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "I need a flat for my family");

        Assert.Equal(HandoffResultKind.Ok, (await queue.CloseAsync(request.Id, "Maja", "resolved", ct)).Kind);
        await WaitForTextAsync(api, "How satisfied were you");
    }

    private const string TelegramAdapterChannel = "telegram";

    private static async Task WaitForTextAsync(FakeTelegramApi api, string fragment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!api.CallsTo("sendMessage").Any(c => c.Parameters["text"]?.GetValue<string>().Contains(fragment, StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no sendMessage containing \"{fragment}\"");
            await Task.Delay(50);
        }

        Assert.All(api.CallsTo("sendMessage"), c => Assert.Equal(ChatId, c.Parameters["chat_id"]!.GetValue<long>()));
    }

    /// <summary>The real host with Telegram's webhook on and the Bot API at <paramref name="api"/>.</summary>
    internal static ChatHost StartHost(FakeTelegramApi api) => new(new Dictionary<string, string>
    {
        ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
        ["IntegrationBot:Channels:Telegram:WebhookSecret"] = Secret,
        ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = api.BaseUrl,
    });

    internal static async Task<HttpResponseMessage> PostUpdateAsync(ChatHost host, int id, string text, CancellationToken ct, string secret = Secret, string languageCode = "en")
    {
        var body = new JsonObject
        {
            ["update_id"] = id,
            ["message"] = new JsonObject
            {
                ["message_id"] = id,
                ["date"] = 1700000000,
                ["text"] = text,
                ["chat"] = new JsonObject { ["id"] = ChatId, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = ChatId, ["is_bot"] = false, ["first_name"] = "Amir", ["language_code"] = languageCode },
            },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        return await host.Client.SendAsync(request, ct);
    }
}
