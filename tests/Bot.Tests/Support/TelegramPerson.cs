using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Channels;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Support;

/// <summary>One Telegram user talking to the real host: updates posted to the webhook as Telegram posts them, and the
/// bot's messages read in the order the fake Bot API received them (its message ids count from 1 in that order).</summary>
public sealed class TelegramPerson(ChatHost host, FakeTelegramApi api, long chatId, string languageCode)
{
    private int _update = 1000;
    private int _read;

    /// <summary>A typed message.</summary>
    public Task SendAsync(string text, CancellationToken ct) => PostAsync(new JsonObject
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = _update + 1, ["date"] = 1700000000, ["text"] = text, ["chat"] = Chat(), ["from"] = Person(),
        },
    }, ct);

    /// <summary>Taps the button titled <paramref name="title"/> under the bot's message <paramref name="sent"/>.</summary>
    public Task TapAsync(TelegramSent sent, string title, CancellationToken ct)
    {
        var button = sent.Parameters["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Single(b => b!["text"]!.GetValue<string>() == title)!;
        return PostAsync(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cq-{_update + 1}", ["chat_instance"] = "52", ["data"] = button["callback_data"]!.GetValue<string>(),
                ["from"] = Person(),
                ["message"] = new JsonObject { ["message_id"] = sent.MessageId, ["date"] = 1700000000, ["chat"] = Chat() },
            },
        }, ct);
    }

    /// <summary>The first message the bot sent, after the last one read, whose text contains <paramref name="fragment"/>.</summary>
    public async Task<TelegramSent> MessageContainingAsync(string fragment, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var calls = api.CallsTo("sendMessage");
            for (var i = _read; i < calls.Count; i++)
            {
                if (calls[i].Parameters["text"]?.GetValue<string>().Contains(fragment, StringComparison.Ordinal) == true)
                {
                    _read = i + 1;
                    return new TelegramSent(calls[i].Parameters, i + 1);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no sendMessage containing \"{fragment}\"; the bot sent: "
                + string.Join(" | ", calls.Skip(_read).Select(c => c.Parameters["text"]?.GetValue<string>())));
            await Task.Delay(50, ct);
        }
    }

    private JsonObject Chat() => new() { ["id"] = chatId, ["type"] = "private" };

    private JsonObject Person() => new() { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Milan", ["language_code"] = languageCode };

    private async Task PostAsync(JsonObject update, CancellationToken ct)
    {
        update["update_id"] = ++_update;
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, CounselorReplyOverTelegramTests.Secret);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request, ct)).StatusCode);
    }
}
