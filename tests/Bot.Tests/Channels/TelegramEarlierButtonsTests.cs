using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

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

    // Walking Telegram: "More details" of an earlier answer, tapped under the 👎 question, became the written reason, and
    // tapped after it "Sorry, I do not have a good answer"; tapped while a request waited, "More details" was the counselor
    // queue's preview of what the person needs. (The same title under the last message is that message's button: the tap
    // carries only the title.)
    [Fact]
    public async Task An_earlier_answers_buttons_show_their_topic_or_say_they_no_longer_work_and_never_become_the_queue_preview()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var person = new TelegramPerson(host, api, 777049, "en");

        await person.SendAsync("how do I register my address", ct);
        var first = await person.MessageContainingAsync("Was this helpful?", ct);
        await person.SendAsync("do I need health insurance", ct);
        var second = await person.MessageContainingAsync("Was this helpful?", ct);

        await person.TapAsync(second, "👎 No", ct);
        await person.MessageContainingAsync("What were you looking for?", ct);
        await person.TapAsync(first, "More details", ct);
        await person.MessageContainingAsync("That button belongs to an earlier message and no longer works.", ct);
        await person.TapAsync(first, "Tax number", ct);
        await person.MessageContainingAsync("Tax number (davčna številka)", ct);

        await person.SendAsync("I want to talk to a person", ct);
        await person.TapAsync(await person.MessageContainingAsync("To pass your request to a counselor", ct), "Accept", ct);
        await person.SendAsync("I also need a flat for my family", ct);
        await person.MessageContainingAsync("Your request is still in the queue", ct);
        await person.TapAsync(first, "More details", ct);
        await person.MessageContainingAsync("That button belongs to an earlier message and no longer works.", ct);

        var queue = host.Services.GetRequiredService<HandoffQueue>();
        var request = Assert.Single(await queue.ListAsync(HandoffStatus.Waiting, ct));
        Assert.True(request.Transcript.Any(e => e is { Author: TranscriptAuthor.User, Text: "More details", ButtonPressed: true }), string.Join(" | ", request.Transcript.Select(e => $"{e.Author}:{e.ButtonPressed}:{e.Text[..Math.Min(30, e.Text.Length)]}")));
        Assert.Equal("I also need a flat for my family", HandoffView.From(request, DateTimeOffset.UtcNow).Preview);
    }

    // Walking Telegram: with the privacy notice not yet answered (a first "Hello" is greeted without it), a tap on 👍 of an
    // answer the feedback had already gone past was read as a typed "yes" to the notice: "Thank you. Ask me anything",
    // the notice accepted without being shown, and a later request for a person queued without asking.
    [Fact]
    public async Task An_earlier_thumbs_up_is_not_a_yes_to_the_privacy_notice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var person = new TelegramPerson(host, api, 777050, "en");

        await person.SendAsync("how do I register my address", ct);
        var answer = await person.MessageContainingAsync("Was this helpful?", ct);
        await person.TapAsync(answer, "👎 No", ct);
        await person.MessageContainingAsync("What were you looking for?", ct);
        await person.SendAsync("it does not say where the office is", ct);
        await person.MessageContainingAsync("I have noted it", ct);

        await person.TapAsync(answer, "👍 Yes", ct);
        await person.MessageContainingAsync("That button belongs to an earlier message and no longer works.", ct);
        await person.SendAsync("I want to talk to a person", ct);
        await person.MessageContainingAsync("To pass your request to a counselor", ct);
        Assert.Empty(await host.Services.GetRequiredService<HandoffQueue>().ListAsync(null, ct));
    }

    // Walking Telegram (Bosnian, language_code "hr"): after /delete the conversation has no language, and a tap on
    // [Prihvatam] of the notice still on screen got "Thank you. Ask me anything, or choose a topic." and the menu in
    // English; so did an earlier topic button and /counselor after it.
    [Fact]
    public async Task After_delete_an_earlier_button_answers_in_the_language_of_the_button()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var person = new TelegramPerson(host, api, 777051, "hr");

        await person.SendAsync("/start", ct);
        await person.TapAsync(await person.MessageContainingAsync("Choose your language:", ct), "Bosanski / Hrvatski / Srpski", ct);
        var notice = await person.MessageContainingAsync("Prije nego počnemo", ct);
        await person.TapAsync(notice, "Prihvatam", ct);
        await person.MessageContainingAsync("Izaberite oblast:", ct);
        await person.SendAsync("/delete", ct);
        await person.TapAsync(await person.MessageContainingAsync("Želite li izbrisati", ct), "Da, izbriši", ct);
        await person.MessageContainingAsync("Vaši podaci su izbrisani.", ct);

        await person.TapAsync(notice, "Prihvatam", ct);
        var next = await person.MessageContainingAsync("", ct);
        Assert.Equal("Hvala. Pitajte me bilo šta ili izaberite temu.", next.Text);
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
