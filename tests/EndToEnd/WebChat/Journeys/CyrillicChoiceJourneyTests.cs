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

    // A Serbian reader on a phone with only a Latin keyboard: the Cyrillic they chose stays, in the bot's answers and the
    // widget, also after a reload (ConversationData.CyrillicChosen; until now walked only in flow tests). Choosing
    // Latin in the bot's own chooser ends it.
    [Fact]
    public async Task Cyrillic_chosen_in_the_header_stays_while_the_person_types_in_Latin_also_after_a_reload()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, "cyrillic-typed-latin");
        await chat.Page.ClickAsync("header button[data-lang=hbs-Cyrl]");
        await chat.PressAsync("Прихватам");
        await chat.BotSaysAsync("Хвала. Питајте");

        await chat.SayAsync("kako da otvorim bankovni racun");
        await chat.BotSaysAsync("пословници банке");
        await chat.BotSaysAsync("Да ли вам је ово помогло");
        await AssertWidgetInAsync(chat, "hbs-Cyrl");
        await chat.ShotAsync("latin-typed-cyrillic-answer");

        await chat.Page.ReloadAsync();
        await chat.ShowsAsync("kako da otvorim bankovni racun");
        await chat.SayAsync("gdje je policija");
        await chat.BotSaysAsync("полицијска станица");
        Assert.True(await chat.BotBubbles.Last.EvaluateAsync<bool>(Cyrillic), "after a reload the answer to a Latin question is not in Cyrillic");
        await AssertWidgetInAsync(chat, "hbs-Cyrl");
        await chat.ShotAsync("after-reload");

        await chat.SayAsync("/language");
        await chat.PressAsync("Bosanski / Hrvatski / Srpski");
        await chat.BotSaysAsync("Pisaću vam na bosanskom/hrvatskom/srpskom");
        await AssertWidgetInAsync(chat, "hbs-Latn");
        await chat.SayAsync("kako da platim porez");
        await chat.BotSaysAsync("Porezni broj");
        await chat.ShotAsync("latin-chosen");
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
