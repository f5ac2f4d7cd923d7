using System.Net;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A fresh Telegram chat whose first message is "Zdravo" (Telegram's language_code "sl") is greeted once, on the real
/// host through the webhook, the outbox and the real Telegram.Bot client against the fake Bot API.
/// </summary>
public sealed class TelegramFirstGreetingTests
{
    // The beginnings of sl greeting.reply and thanks.reply (the strings the person reads).
    private const string Greeting = "Pozdravljeni! Odgovarjam na vprašanja";
    private const string Thanks = "Ni za kaj!";

    [Fact]
    public async Task A_first_Zdravo_on_a_fresh_Telegram_chat_gets_exactly_one_greeting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);

        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 1, "Zdravo", ct, languageCode: "sl")).StatusCode);
        // The chat's replies go out in order, so once the answer to "hvala" arrived every reply to "Zdravo" had.
        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 2, "hvala", ct, languageCode: "sl")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!api.CallsTo("sendMessage").Any(c => c.Parameters["text"]!.GetValue<string>().StartsWith(Thanks, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "no thanks reply");
            await Task.Delay(50, ct);
        }

        var texts = api.CallsTo("sendMessage").Select(c => c.Parameters["text"]!.GetValue<string>()).ToList();
        Assert.Collection(texts,
            greeting => Assert.StartsWith(Greeting, greeting, StringComparison.Ordinal),
            thanks => Assert.StartsWith(Thanks, thanks, StringComparison.Ordinal));
    }

    // Walked on Telegram in each language: the greeting is answered in it, once, with the menu to choose from.
    [Theory]
    [InlineData("Hello", "en", "Hello! I answer questions")]
    [InlineData("Përshëndetje", "sq", "Përshëndetje! U përgjigjem")]
    [InlineData("Zdravo", "bs", "Zdravo! Odgovaram na pitanja")]
    [InlineData("Здраво", "sr", "Здраво! Одговарам на питања")]
    [InlineData("مرحبا", "ar", "مرحبًا! أجيب عن الأسئلة")]
    [InlineData("مرحبا", "", "مرحبًا! أجيب عن الأسئلة")]
    public async Task A_first_greeting_in_each_language_gets_one_reply_in_it_with_the_menu(string text, string languageCode, string greeting)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var person = new Support.TelegramPerson(host, api, 777060, languageCode);

        await person.SendAsync(text, ct);
        // The chat's replies go out in order: once the chooser /language asks for arrived, every reply to the greeting had.
        await person.SendAsync("/language", ct);
        await person.MessageContainingAsync("Choose your language:", ct);

        var before = api.CallsTo("sendMessage").Select(c => c.Parameters).ToList()[..^1];
        var reply = Assert.Single(before);
        Assert.Contains(greeting, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(reply["reply_markup"]!["inline_keyboard"]!.AsArray().Count > 3, "the menu comes with it");
    }
}
