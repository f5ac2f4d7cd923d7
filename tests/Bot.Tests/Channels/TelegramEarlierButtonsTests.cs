using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// Telegram keeps the buttons of every earlier message. Found walking Telegram on the real host: in a Bosnian chat, a
/// tap on [العربية] of the first language chooser gave the interpreters topic in Bosnian, and a tap on [Prihvatam] of the
/// notice already accepted gave "Nažalost, nemam dobar odgovor". Both now do what they did when offered.
/// </summary>
public sealed class TelegramEarlierButtonsTests
{
    private const long ChatId = 777048;

    [Fact]
    public async Task The_first_choosers_Arabic_and_the_notices_Accept_tapped_later_do_what_they_did_when_offered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);

        await PostAsync(host, 481, new JsonObject { ["message"] = Message(481, "/start") }, ct);
        var chooser = await SentAsync(api, 1);
        await TapAsync(host, 482, chooser, "Bosanski / Hrvatski / Srpski", ct);
        var notice = await SentAsync(api, 2);
        await TapAsync(host, 483, notice, "Prihvatam", ct);
        await SentAsync(api, 4);

        await TapAsync(host, 484, chooser, "العربية", ct);
        Assert.Contains("سأكتب لك باللغة العربية.", Text(await SentAsync(api, 5)), StringComparison.Ordinal);

        await TapAsync(host, 485, notice, "Prihvatam", ct);
        Assert.Contains("شكرًا لك. اسألني أي سؤال أو اختر موضوعًا.", Text(await SentAsync(api, 6)), StringComparison.Ordinal);
    }

    /// <summary>The <paramref name="number"/>th message the bot sent (1-based), with the position as its message id.</summary>
    private static async Task<(JsonObject Message, int Id)> SentAsync(FakeTelegramApi api, int number) =>
        ((await api.WaitForCallsAsync("sendMessage", number))[number - 1].Parameters, number);

    private static string Text((JsonObject Message, int Id) sent) => sent.Message["text"]!.GetValue<string>();

    private static JsonObject Message(int id, string text) => new()
    {
        ["message_id"] = id, ["date"] = 1700000000, ["text"] = text,
        ["chat"] = new JsonObject { ["id"] = ChatId, ["type"] = "private" },
        ["from"] = Person(),
    };

    private static JsonObject Person() => new() { ["id"] = ChatId, ["is_bot"] = false, ["first_name"] = "Amir", ["language_code"] = "bs" };

    /// <summary>Taps the button titled <paramref name="title"/> under the bot's message <paramref name="sent"/>.</summary>
    private static Task TapAsync(ChatHost host, int updateId, (JsonObject Message, int Id) sent, string title, CancellationToken ct)
    {
        var button = sent.Message["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Single(b => b!["text"]!.GetValue<string>() == title)!;
        return PostAsync(host, updateId, new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cq-{updateId}", ["chat_instance"] = "48", ["data"] = button["callback_data"]!.GetValue<string>(),
                ["from"] = Person(),
                ["message"] = new JsonObject
                {
                    ["message_id"] = sent.Id, ["date"] = 1700000000,
                    ["chat"] = new JsonObject { ["id"] = ChatId, ["type"] = "private" },
                },
            },
        }, ct);
    }

    private static async Task PostAsync(ChatHost host, int updateId, JsonObject update, CancellationToken ct)
    {
        update["update_id"] = updateId;
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, CounselorReplyOverTelegramTests.Secret);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request, ct)).StatusCode);
    }
}
