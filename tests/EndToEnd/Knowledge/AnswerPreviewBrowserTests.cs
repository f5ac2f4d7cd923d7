using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The editor's preview in real Chromium shows addresses as the channel does: a Telegram message's "Source:" addresses
/// are links, not the HTML the bot sends; an Arabic web chat link leaves out the marks that isolate it.
/// </summary>
public sealed class AnswerPreviewBrowserTests
{
    [Fact]
    public async Task The_telegram_preview_shows_the_sources_as_links_not_as_html()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");

        var preview = await PreviewAsync(session, "en", "telegram");

        var link = preview.Locator("a[href='https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/']");
        await link.WaitForAsync();
        Assert.Equal("https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/", await link.InnerTextAsync());
        Assert.DoesNotContain("<a href", await preview.InnerTextAsync(), StringComparison.Ordinal);
        await preview.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-preview-telegram-en.png") });
    }

    [Fact]
    public async Task An_arabic_web_chat_preview_links_the_address_without_its_direction_marks()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");

        var preview = await PreviewAsync(session, "ar", "webchat");

        // The bot isolates a Latin address in Arabic text (U+2066 … U+2069); the marks are not part of the link.
        var link = preview.Locator("a", new() { HasText = "zavarovanec.zzzs.si" });
        await link.WaitForAsync();
        Assert.Equal("https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/", await link.GetAttributeAsync("href"));
    }

    /// <summary>The "doctor" topic's preview in <paramref name="language"/> on <paramref name="channel"/>.</summary>
    private static async Task<ILocator> PreviewAsync(EditorSession session, string language, string channel)
    {
        var console = session.Console;
        await session.OpenTopicAsync("doctor");
        await console.Locator("#preview-show").WaitForAsync();
        await console.SelectOptionAsync("#preview-language", language);
        await console.SelectOptionAsync("#preview-channel", channel);
        await console.ClickAsync("#preview-show");
        return console.Locator("#preview");
    }
}
