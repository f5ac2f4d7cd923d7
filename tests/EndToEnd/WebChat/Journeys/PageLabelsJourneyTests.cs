using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The page's own names for a screen reader are in the person's language: the language bar was "Language" and the
/// landing text "About this chat" in every language (found in the web chat journey).
/// </summary>
public sealed class PageLabelsJourneyTests
{
    private const string Labels = """
        () => ['.languages', '#landing'].map(s => { const e = document.querySelector(s); return e.getAttribute('aria-label') + '|' + e.lang; })
        """;

    [Fact]
    public async Task The_language_bar_and_the_landing_text_are_named_in_the_browsers_language_then_in_the_chosen_one()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "sq-AL" });
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        var chat = new ChatPage(page, "page-labels");
        await page.GotoAsync(host.BaseAddress.ToString());

        var albanian = WidgetStrings.Page("sq");
        await chat.UntilAsync("l => document.querySelector('#landing').getAttribute('aria-label') === l", albanian["about"]);
        Assert.Equal([$"{albanian["languages"]}|sq-AL", $"{albanian["about"]}|sq-AL"], await page.EvaluateAsync<string[]>(Labels));
        await chat.ShotAsync("landing");

        await page.ClickAsync("header button[data-lang=ar]");
        var arabic = WidgetStrings.Page("ar");
        await chat.UntilAsync("l => document.querySelector('.languages').getAttribute('aria-label') === l", arabic["languages"]);
        Assert.Equal([$"{arabic["languages"]}|ar-EG", $"{arabic["about"]}|ar-EG"], await page.EvaluateAsync<string[]>(Labels));
        await chat.BotBubbles.First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.ShotAsync("arabic");
    }
}
