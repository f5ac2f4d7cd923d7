using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Dialogs.Localization;
using IntegrationBot.Knowledge.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A fresh Telegram chat whose first message is "Zdravo" (Telegram's language_code "sl") is greeted once, on the real
/// host through the webhook, the outbox and the real Telegram.Bot client against the fake Bot API.
/// </summary>
public sealed class TelegramFirstGreetingTests
{
    private const long ChatId = 777_002;

    [Fact]
    public async Task A_first_Zdravo_on_a_fresh_Telegram_chat_gets_exactly_one_greeting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = new ChatHost(new Dictionary<string, string>
        {
            ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
            ["IntegrationBot:Channels:Telegram:WebhookSecret"] = CounselorReplyOverTelegramTests.Secret,
            ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = api.BaseUrl,
        });
        var localizer = host.Services.GetRequiredService<Localizer>();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, 1, "Zdravo", ct)).StatusCode);
        // The chat's replies go out in order, so once the answer to "hvala" arrived every reply to "Zdravo" had.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, 2, "hvala", ct)).StatusCode);
        var thanks = localizer.Get(Language.Slovenian, "thanks.reply");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!api.CallsTo("sendMessage").Any(c => c.Parameters["text"]!.GetValue<string>() == thanks))
        {
            Assert.True(DateTime.UtcNow < deadline, "no thanks reply");
            await Task.Delay(50, ct);
        }

        var texts = api.CallsTo("sendMessage").Select(c => c.Parameters["text"]!.GetValue<string>()).ToList();
        Assert.Equal([localizer.Get(Language.Slovenian, "greeting.reply"), thanks], texts);
    }

    private static async Task<HttpResponseMessage> PostAsync(ChatHost host, int id, string text, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["update_id"] = id,
            ["message"] = new JsonObject
            {
                ["message_id"] = id, ["date"] = 1700000000, ["text"] = text,
                ["chat"] = new JsonObject { ["id"] = ChatId, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = ChatId, ["is_bot"] = false, ["first_name"] = "Ana", ["language_code"] = "sl" },
            },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, CounselorReplyOverTelegramTests.Secret);
        return await host.Client.SendAsync(request, ct);
    }
}
