using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A Serbian or Bosnian reader chooses Cyrillic in the page's header, before the chat or in the middle of it, and
/// gets the bot and the widget in Cyrillic. Seen on a phone: the header offered only "Bosanski / Hrvatski / Srpski"
/// (Latin); Cyrillic came only from typing in Cyrillic or from a link with ?lang=hbs-Cyrl, which nobody could find.
/// </summary>
public sealed class CyrillicChoiceJourneyTests
{
    private const string Cyrillic = "b => /[\\u0400-\\u04FF]/.test(b.textContent)";

    [Fact]
    public async Task Cyrillic_is_chosen_on_the_landing_page_and_the_chat_is_in_Cyrillic()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, "cyrillic-landing");
        var choice = chat.Page.Locator("header button[data-lang=hbs-Cyrl]");
        Assert.Equal(1, await choice.CountAsync());
        Assert.True(await choice.IsVisibleAsync(), "the Cyrillic choice is not visible in the header");
        await chat.ShotAsync("landing");

        await choice.ClickAsync();
        await chat.BotSaysAsync("Прије него почнемо");
        await AssertWidgetInAsync(chat, "hbs-Cyrl");
        await chat.PressAsync("Прихватам");
        await chat.BotSaysAsync("Хвала. Питајте");
        await chat.SayAsync("како да отворим банковни рачун");
        await chat.BotSaysAsync("банк");
        await chat.ShotAsync("answer");
        Assert.True(await chat.BotBubbles.Last.EvaluateAsync<bool>(Cyrillic), "the last answer is not in Cyrillic");
    }

    [Fact]
    public async Task Cyrillic_and_back_to_Latin_in_the_middle_of_the_chat_from_the_header()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, "cyrillic-mid-chat");
        await chat.Page.ClickAsync("header button[data-lang=hbs]");
        await chat.AcceptPrivacyAsync("hbs");

        await chat.Page.ClickAsync("header button[data-lang=hbs-Cyrl]");
        await chat.BotSaysAsync("Писаћу вам на босанском/хрватском/српском");
        await AssertWidgetInAsync(chat, "hbs-Cyrl");
        await chat.ShotAsync("cyrillic");

        await chat.Page.ClickAsync("header button[data-lang=hbs]");
        await chat.BotSaysAsync("Pisaću vam na bosanskom/hrvatskom/srpskom");
        await AssertWidgetInAsync(chat, "hbs-Latn");
        await chat.ShotAsync("latin");
    }

    // The widget's own words, the page's title and the header's pressed button are in the script the bot writes.
    private static async Task AssertWidgetInAsync(ChatPage chat, string language)
    {
        var placeholder = WidgetStrings.Overrides(language)["TEXT_INPUT_PLACEHOLDER"];
        await chat.UntilAsync("p => document.querySelector('[data-id=webchat-sendbox-input]')?.placeholder === p", placeholder);
        await chat.UntilAsync("t => document.title === t", WidgetStrings.Page(language)["title"]);
        var pressed = await chat.Page.Locator("header button[aria-pressed=true]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.lang)");
        Assert.Equal([language == "hbs-Cyrl" ? "hbs-Cyrl" : "hbs"], pressed);
        Assert.Equal(language == "hbs-Cyrl" ? "sr-Cyrl" : "hr-HR", await chat.Page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }
}
