using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The widget's own words (send box, labels a screen reader reads, timestamps, connection status) are in the person's
/// language: no English for Albanian, Bosnian/Serbian (Latin and Cyrillic) and Arabic, no Croatian for hbs.
/// </summary>
public sealed class WidgetLanguageJourneyTests
{
    // Everything the widget itself writes: attributes a screen reader or the eye gets, and its text outside messages.
    private const string WidgetWords = """
        () => {
          const root = document.getElementById('webchat');
          const words = [];
          for (const e of root.querySelectorAll('[aria-label],[title],[placeholder],[aria-roledescription],[alt]')) {
            for (const a of ['aria-label', 'title', 'placeholder', 'aria-roledescription', 'alt']) {
              const v = e.getAttribute(a);
              if (v) { words.push(v); }
            }
          }
          const copy = root.cloneNode(true);
          copy.querySelectorAll('.webchat__bubble__content, .webchat__suggested-action, .webchat__render-markdown').forEach(e => e.remove());
          words.push(copy.textContent);
          return words;
        }
        """;

    [Theory]
    [InlineData("sq")]
    [InlineData("hbs-Latn")]
    [InlineData("hbs-Cyrl")]
    [InlineData("ar")]
    public async Task The_widget_speaks_the_persons_language_and_no_English(string language)
    {
        Requirements.Chromium();
        var ours = WidgetStrings.Overrides(language);
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=" + language), "widget-strings-" + language);
        // The bot's first message (the privacy notice with its buttons) is on screen with its timestamp.
        await chat.BotBubbles.First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.Page.Locator(".webchat__suggested-action").First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        if (ours.TryGetValue("ACTIVITY_STATUS_TIMESTAMP_JUST_NOW", out var justNow))
        {
            await chat.ShowsAsync(justNow);
        }

        // The widget may be re-created once when it follows the bot's first reply: wait for it to settle.
        await chat.UntilAsync("p => document.querySelector('[data-id=webchat-sendbox-input]')?.placeholder === p", Expected(language, "TEXT_INPUT_PLACEHOLDER"));
        var send = chat.Page.Locator("#webchat button.webchat__send-button");
        Assert.Contains(Expected(language, "TEXT_INPUT_SEND_BUTTON_ALT"), await send.GetAttributeAsync("aria-label") ?? await send.GetAttributeAsync("title") ?? "");
        await chat.ShotAsync("first-message");

        var words = await chat.Page.EvaluateAsync<string[]>(WidgetWords);
        Assert.NotEmpty(words);
        AssertNoEnglish(language, words);
        if (language.StartsWith("hbs", StringComparison.Ordinal))
        {
            var all = string.Join("\n", words).ToLowerInvariant();
            foreach (var croatian in (string[])["čavrlj", "povijest", "prosin", "просин", "tipk"])
            {
                Assert.DoesNotContain(croatian, all);
            }
        }
    }

    [Fact]
    public async Task Unable_to_connect_is_said_in_Albanian()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        // The token is issued, then Direct Line itself is unreachable (a network that drops the chat's connection).
        await page.RouteAsync("**/v3/directline/**", route => route.AbortAsync());
        await page.GotoAsync(new Uri(host.BaseAddress, "/?lang=sq").ToString());
        var chat = new ChatPage(page, "widget-strings-sq-offline");

        // Web Chat first says the connection is slow, and gives up only after Direct Line's retries: either, in Albanian.
        await chat.UntilAsync(
            "s => s.some(t => document.getElementById('webchat').textContent.includes(t))",
            new[] { Expected("sq", "CONNECTIVITY_STATUS_ALT_FATAL"), Expected("sq", "CONNECTIVITY_STATUS_ALT_SLOW_CONNECTION") });
        await chat.ShotAsync("unable-to-connect");
        AssertNoEnglish("sq", await page.EvaluateAsync<string[]>(WidgetWords));
    }

    private static string Expected(string language, string key) =>
        WidgetStrings.Overrides(language).TryGetValue(key, out var value) ? value : WidgetStrings.Bundle("ar-EG")[key];

    /// <summary>No English Web Chat string (its en-US bundle; $1 stands for anything) where ours differs from it.</summary>
    private static void AssertNoEnglish(string language, IEnumerable<string> words)
    {
        var ours = WidgetStrings.Overrides(language);
        var text = string.Join("\n", words);
        var english = WidgetStrings.Bundle("en-US")
            .Where(e => ours.GetValueOrDefault(e.Key) != e.Value && Regex.Replace(e.Value, @"\$\d|\[RETRY\]", "").Count(char.IsLetter) >= 4)
            .Select(e => (e.Key, Pattern: new Regex(string.Join(".*?", e.Value.Split(["$1", "$2", "$3"], StringSplitOptions.None).Select(Regex.Escape)), RegexOptions.None, TimeSpan.FromSeconds(1))))
            .Where(e => e.Pattern.IsMatch(text))
            .Select(e => e.Key)
            .ToList();
        Assert.True(english.Count == 0, $"{language} widget shows English: {string.Join(", ", english)}\n{text}");
    }
}
