using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The page's title (the browser tab, the phone's task switcher, the first thing a screen reader says) is in the
/// person's language. Seen on a phone: it stayed "Starting Point Postojna – chat" in every language.
/// </summary>
public sealed class PageTitleJourneyTests
{
    [Theory]
    [InlineData("sl", "ar")]
    [InlineData("en", "ar")]
    [InlineData("sq", "ar")]
    [InlineData("hbs-Latn", "ar")]
    [InlineData("hbs-Cyrl", "ar")]
    [InlineData("ar", "hbs-Cyrl")]
    public async Task The_title_is_in_the_chosen_language_and_follows_a_change(string language, string then)
    {
        Requirements.Chromium();
        var first = WidgetStrings.Page(language)["title"];
        var second = WidgetStrings.Page(then)["title"];
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=" + language), "title-" + language);

        await chat.UntilAsync("t => document.title === t", first);
        await chat.BotBubbles.First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.ShotAsync("chosen");

        // From the header, in the middle of the chat: the page follows the bot's reply in the new language.
        await chat.Page.ClickAsync($"header button[data-lang={then}]");
        await chat.UntilAsync("t => document.title === t", second);
        Assert.Equal(second, await chat.Page.TitleAsync());
    }
}
