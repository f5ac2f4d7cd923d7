using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A Serbian reader who prefers Cyrillic, with Telegram in English. Seen by a migrant: the web chat's header offers
/// Cyrillic, but Telegram's language chooser had one Bosnian/Croatian/Serbian button, answered in Latin unless the app
/// itself was Serbian; Cyrillic came only from typing in Cyrillic. On the real host through the webhook, the outbox and
/// the real Telegram.Bot client against the fake Bot API.
/// </summary>
public sealed class TelegramCyrillicChoiceTests
{
    private const long ChatId = 777052;

    [Fact]
    public async Task Cyrillic_tapped_on_the_chooser_gives_Cyrillic_texts_and_buttons_from_then_on_with_Latin_names_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);
        var milan = new TelegramPerson(host, api, ChatId, languageCode: "en");

        await milan.SendAsync("/start", ct);
        var chooser = await milan.MessageContainingAsync("Choose your language:", ct);
        // Four rows, as before the Cyrillic choice: Arabic no lower than the second, the two scripts side by side.
        Assert.Equal(
            [["Slovenščina", "English", "Shqip"], ["العربية"], ["Bosanski / Hrvatski / Srpski"], ["Босански / Хрватски / Српски"]],
            chooser.Rows);

        await milan.TapAsync(chooser, "Босански / Хрватски / Српски", ct);
        var notice = await milan.MessageContainingAsync("Прије него почнемо", ct);
        Assert.Equal([["Прихватам", "Прочитај више"], ["Не прихватам"]], notice.Rows);

        await milan.TapAsync(notice, "Прихватам", ct);
        await milan.MessageContainingAsync("Хвала. Питајте ме било шта или изаберите тему.", ct);
        var menu = await milan.MessageContainingAsync("Изаберите област:", ct);
        Assert.Contains("Новац и социјална помоћ", menu.Rows.SelectMany(r => r));
        Assert.All(menu.Rows.SelectMany(r => r), title => Assert.False(HasLatinLetters(title), $"a Latin menu button: {title}"));

        await milan.TapAsync(menu, "Новац и социјална помоћ", ct);
        var topics = await milan.MessageContainingAsync("Новац и социјална помоћ: изаберите тему", ct);

        await milan.TapAsync(topics, "Банковни рачун", ct);
        var answer = await milan.MessageContainingAsync("Рачун отварате лично у пословници банке.", ct);
        // Names on signs and forms, and addresses, stay as written.
        Assert.Contains("Примјер (OTP banka) – понесите:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("(davčna številka)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("(upravna enota)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("помоћи ће Starting Point Postojna (Občina Postojna).", answer.Text, StringComparison.Ordinal);
        Assert.Contains("https://eur-lex.europa.eu/eli/dir/2014/92/oj", answer.Text, StringComparison.Ordinal);

        // A command, with no letters of either script to follow, is answered in the chosen script too.
        await milan.SendAsync("/help", ct);
        var help = await milan.MessageContainingAsync("Одговарам на питања", ct);
        Assert.Contains("/language – промјена језика", help.Text, StringComparison.Ordinal);
    }

    private static bool HasLatinLetters(string text) => text.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
}
