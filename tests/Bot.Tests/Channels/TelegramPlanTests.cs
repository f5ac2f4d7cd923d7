using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// "My first steps" on Telegram, which keeps every earlier message's buttons. Walked in Albanian on the real host with
/// the fake Bot API: a tap on the purpose question's [Familje] while the arrival question waited (a changed mind) got
/// "Nuk e kuptova" and the plan kept "Punë"; after [Po, më kujto], a tap on the step's [U krye ✓] above got "Më vjen
/// keq, nuk kam një përgjigje të mirë".
/// </summary>
public sealed class TelegramPlanTests
{
    private const long ChatId = 777210;
    private int _update = 5000;
    private int _read;

    [Fact]
    public async Task Earlier_buttons_of_the_plan_change_an_answer_and_ask_about_the_step()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);

        await SendAsync(host, "/start", ct);
        await TapAsync(host, await MessageAsync(api, "Zgjidhni gjuhën"), "Shqip", ct);
        await TapAsync(host, await MessageAsync(api, "/delete"), "Pranoj", ct);
        await SendAsync(host, "/plan", ct);
        await TapAsync(host, await MessageAsync(api, "1/5"), "Ballkani Perëndimor", ct);
        var purpose = await MessageAsync(api, "2/5");
        await TapAsync(host, purpose, "Punë", ct);
        await MessageAsync(api, "3/5");

        await TapAsync(host, purpose, "Familje", ct);
        var changed = await MessageAsync(api, "3/5");
        Assert.StartsWith("U ndryshua: Familje\n3/5 Kur arritët", changed.Text, StringComparison.Ordinal);

        await SendAsync(host, "20.11.2026", ct);
        await TapAsync(host, await MessageAsync(api, "4/5"), "Pa fëmijë", ct);
        await TapAsync(host, await MessageAsync(api, "5/5"), "Asnjë nga këto", ct);
        var checklist = await MessageAsync(api, "Hapat tuaj të parë:");
        Assert.Contains("Leja e qëndrimit të përkohshëm", checklist.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leja e unifikuar", checklist.Text, StringComparison.Ordinal);
        var step = await MessageAsync(api, "Tani: Regjistroni adresën");
        await TapAsync(host, await MessageAsync(api, "T'ju kujtoj"), "Po, më kujto", ct);
        await MessageAsync(api, "Kujtesat janë aktive");

        await TapAsync(host, step, "U krye ✓", ct);
        var asked = await MessageAsync(api, "si të kryer");
        Assert.Equal("Ta shënoj këtë hap si të kryer: Regjistroni adresën?", asked.Text);
        await TapAsync(host, asked, "U krye ✓", ct);
        await MessageAsync(api, "U shënua si e kryer: Regjistroni adresën");
    }

    /// <summary>The first message the bot sent, after the last one read, whose text contains <paramref name="fragment"/>.</summary>
    private async Task<Sent> MessageAsync(FakeTelegramApi api, string fragment)
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
                    return new Sent(calls[i].Parameters, i + 1);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no message containing \"{fragment}\"; the bot sent: "
                + string.Join(" | ", calls.Skip(_read).Select(c => c.Parameters["text"]?.GetValue<string>())));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private Task SendAsync(ChatHost host, string text, CancellationToken ct) => PostAsync(host, new JsonObject
    {
        ["message"] = new JsonObject { ["message_id"] = _update, ["date"] = 1700000000, ["text"] = text, ["chat"] = Chat(), ["from"] = Person() },
    }, ct);

    /// <summary>Taps the button titled <paramref name="title"/> under the bot's message <paramref name="sent"/>, however old.</summary>
    private Task TapAsync(ChatHost host, Sent sent, string title, CancellationToken ct)
    {
        var button = sent.Parameters["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Single(b => b!["text"]!.GetValue<string>() == title)!;
        return PostAsync(host, new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cq-{_update}", ["chat_instance"] = "21", ["data"] = button["callback_data"]!.GetValue<string>(), ["from"] = Person(),
                ["message"] = new JsonObject { ["message_id"] = sent.MessageId, ["date"] = 1700000000, ["chat"] = Chat() },
            },
        }, ct);
    }

    private async Task PostAsync(ChatHost host, JsonObject update, CancellationToken ct)
    {
        update["update_id"] = ++_update;
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, CounselorReplyOverTelegramTests.Secret);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request, ct)).StatusCode);
    }

    private static JsonObject Chat() => new() { ["id"] = ChatId, ["type"] = "private" };

    private static JsonObject Person() => new() { ["id"] = ChatId, ["is_bot"] = false, ["first_name"] = "Arta", ["language_code"] = "sq" };

    /// <summary>A message the bot sent: the <c>sendMessage</c> parameters and its message id (its place in the order sent).</summary>
    private sealed record Sent(JsonObject Parameters, int MessageId)
    {
        public string Text => Parameters["text"]!.GetValue<string>();
    }
}
