using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The editor's preview in real Chromium: a Telegram message's source addresses are links, as Telegram shows them,
/// not the HTML the bot sends.
/// </summary>
public sealed class AnswerPreviewBrowserTests
{
    [Fact]
    public async Task The_telegram_preview_shows_the_sources_as_links_not_as_html()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");
        var console = session.Console;
        await console.GotoAsync(session.Url("/console/knowledge?topic=doctor"));
        await console.Locator("#preview-show").WaitForAsync();

        await console.SelectOptionAsync("#preview-language", "en");
        await console.SelectOptionAsync("#preview-channel", "telegram");
        await console.ClickAsync("#preview-show");

        var link = console.Locator("#preview a[href='https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/']");
        await link.WaitForAsync();
        Assert.Equal("https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/", await link.InnerTextAsync());
        Assert.DoesNotContain("<a href", await console.Locator("#preview").InnerTextAsync(), StringComparison.Ordinal);
        await console.Locator("#preview").ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-preview-telegram-en.png") });
    }

    [Fact]
    public async Task An_arabic_web_chat_preview_links_the_address_without_its_direction_marks()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");
        var console = session.Console;
        await console.GotoAsync(session.Url("/console/knowledge?topic=doctor"));
        await console.Locator("#preview-show").WaitForAsync();

        await console.SelectOptionAsync("#preview-language", "ar");
        await console.SelectOptionAsync("#preview-channel", "webchat");
        await console.ClickAsync("#preview-show");

        // The bot isolates a Latin address in Arabic text (U+2066 … U+2069); the marks are not part of the link.
        var link = console.Locator("#preview a", new() { HasText = "zavarovanec.zzzs.si" });
        await link.WaitForAsync();
        Assert.Equal("https://zavarovanec.zzzs.si/izbira-in-zamenjava-osebnega-zdravnika/", await link.GetAttributeAsync("href"));
    }
}
