using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A Serbian reader who prefers Cyrillic, with a phone in German: Viber's welcome is the language chooser. Seen by a
/// migrant: the web chat's header offers Cyrillic, but Viber's chooser had one Bosnian/Croatian/Serbian button,
/// answered in Latin; Cyrillic came only from typing in Cyrillic. On the real host against the fake Viber API.
/// </summary>
public sealed class ViberCyrillicChoiceTests
{
    private const int GridColumns = 6;

    [Fact]
    public async Task Cyrillic_chosen_on_the_welcome_keyboard_gives_Cyrillic_texts_and_buttons_with_Latin_names_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(ViberPerson.Settings(api));
        var milan = new ViberPerson(host, "r52cyrillicchoice000000A=", "de");

        var chooser = await milan.OpenChatAsync(subscribed: false, ct);

        Assert.NotNull(chooser);
        Assert.Equal(
            ["Slovenščina|Slovenščina", "English|English", "Shqip|Shqip", "العربية|العربية",
             "Bosanski / Hrvatski / Srpski|Bosanski / Hrvatski / Srpski", "Босански / Хрватски / Српски|Босански / Хрватски / Српски"],
            ViberPerson.Buttons(chooser));
        // Four rows, as before the Cyrillic choice: a keyboard taller than the phone's own scrolls, and Arabic would
        // be the one below the fold.
        Assert.Equal([[3, 3], [3, 3], [6], [6]], Rows(chooser));

        await milan.SayAsync("Босански / Хрватски / Српски", ct);
        var notice = await MessageContainingAsync(api, "Прије него почнемо", ct);
        Assert.Equal(["Прихватам|Прихватам", "Прочитај више|Прочитај више", "Не прихватам|Не прихватам"], ViberPerson.Buttons(notice));

        await milan.SayAsync("Прихватам", ct);
        await MessageContainingAsync(api, "Хвала. Питајте ме било шта или изаберите тему.", ct);
        var menu = await MessageContainingAsync(api, "Изаберите област:", ct);
        Assert.Contains("Новац и социјална помоћ|Новац и социјална помоћ", ViberPerson.Buttons(menu));
        Assert.All(ViberPerson.Buttons(menu), button => Assert.False(HasLatinLetters(button), $"a Latin menu button: {button}"));

        await milan.SayAsync("Новац и социјална помоћ", ct);
        await MessageContainingAsync(api, "Новац и социјална помоћ: изаберите тему", ct);
        await milan.SayAsync("Банковни рачун", ct);
        var answer = (await MessageContainingAsync(api, "Рачун отварате лично у пословници банке.", ct))["text"]!.GetValue<string>();

        // Names on signs and forms, and addresses, stay as written.
        Assert.Contains("Примјер (OTP banka) – понесите:", answer, StringComparison.Ordinal);
        Assert.Contains("(davčna številka)", answer, StringComparison.Ordinal);
        Assert.Contains("(upravna enota)", answer, StringComparison.Ordinal);
        Assert.Contains("помоћи ће Starting Point Postojna (Občina Postojna).", answer, StringComparison.Ordinal);
        Assert.Contains("https://eur-lex.europa.eu/eli/dir/2014/92/oj", answer, StringComparison.Ordinal);
    }

    /// <summary>The first <c>send_message</c> whose text contains <paramref name="fragment"/>.</summary>
    private static async Task<JsonObject> MessageContainingAsync(FakeViberApi api, string fragment, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var sent = api.CallsTo("send_message");
            if (sent.FirstOrDefault(m => m["text"]?.GetValue<string>().Contains(fragment, StringComparison.Ordinal) == true) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no send_message containing \"{fragment}\"; the bot sent: "
                + string.Join(" | ", sent.Select(m => m["text"]?.GetValue<string>())));
            await Task.Delay(50, ct);
        }
    }

    /// <summary>The keyboard's rows as Viber fills its 6-column grid: each row's buttons by their widths.</summary>
    private static List<List<int>> Rows(JsonObject message)
    {
        var rows = new List<List<int>>();
        var width = GridColumns;
        foreach (var columns in message["keyboard"]!["Buttons"]!.AsArray().Select(b => b!["Columns"]!.GetValue<int>()))
        {
            if (width + columns > GridColumns)
            {
                rows.Add([]);
                width = 0;
            }

            rows[^1].Add(columns);
            width += columns;
        }

        return rows;
    }

    private static bool HasLatinLetters(string text) => text.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
}
