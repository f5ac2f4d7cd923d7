using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;
using IntegrationBot.TestSupport;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// docs/embedding.md followed literally: its configuration line, its iframe and its Web Chat snippet, with the
/// documentation's example addresses replaced by a real host and a website on a second loopback port.
/// </summary>
public sealed partial class EmbeddingJourneyTests
{
    private const string DocsBot = "https://bot.example.si";
    private const string DocsWebsite = "https://www.postojna.si";

    [Fact]
    public async Task Both_embedding_methods_of_the_docs_work_from_an_allowed_origin_and_another_origin_stays_refused()
    {
        Requirements.Chromium();
        var docs = File.ReadAllText(RepositoryRoot.Combine("docs", "embedding.md"));
        var blocks = HtmlBlocks().Matches(docs).Select(m => m.Groups[1].Value).ToList();
        var iframe = Assert.Single(blocks, b => b.Contains("<iframe", StringComparison.Ordinal));
        var snippet = Assert.Single(blocks, b => b.Contains("renderWebChat", StringComparison.Ordinal));
        var setting = SettingLine().Match(docs);
        Assert.True(setting.Success, "docs/embedding.md names the AllowedOrigins setting");
        Assert.Equal(DocsWebsite, setting.Groups[2].Value);

        var pages = new Dictionary<string, string>();
        await using var website = new StaticSite(pages);
        await using var stranger = new StaticSite(pages);
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { [setting.Groups[1].Value] = website.Origin });
        var bot = host.BaseAddress.ToString().TrimEnd('/');
        pages["/iframe.html"] = Page(iframe.Replace(DocsBot, bot, StringComparison.Ordinal));
        pages["/snippet.html"] = Page(snippet.Replace(DocsBot, bot, StringComparison.Ordinal));
        await using var browser = await BrowserSession.StartAsync();

        var framed = await browser.OpenAsync(website.Url("/iframe.html"), "embed-iframe");
        var frame = framed.Page.FrameLocator("iframe");
        await ClickAsync(frame.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("sl", "privacy.accept") }));
        await frame.Locator(".webchat__bubble", new() { HasText = Strings.Get("sl", "privacy.accepted")[..20] }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await framed.ShotAsync("iframe-from-allowed-origin");

        var embedded = await browser.OpenAsync(website.Url("/snippet.html"), "embed-snippet");
        // The snippet ends the old Direct Line after /delete: that must not reach the webmaster's page as an uncaught error.
        var pageErrors = new List<string>();
        embedded.Page.PageError += (_, e) => pageErrors.Add(e);
        await embedded.AcceptPrivacyAsync("sl");
        await embedded.SayAsync("kako odprem bančni račun");
        await embedded.BotSaysAsync("bančn");
        await embedded.ShotAsync("snippet-from-allowed-origin");
        // No paperclip: the bot reads text only, so a file sent from it got "I can only read text" and reached nobody
        // (our own page hides it too); the doc's snippet showed it.
        Assert.Equal(0, await embedded.Page.Locator(".webchat__upload-button").CountAsync());
        // /delete in the snippet: the conversation leaves the screen at once, only the confirmation stays (it stayed
        // on screen, and the confirmation came 5 s later, when Web Chat gave up waiting for the erased "yes").
        await embedded.SayAsync("/delete");
        await embedded.PressAsync(Strings.Get("sl", "delete.yes"));
        await embedded.UntilAsync("s => !document.getElementById('webchat').innerText.includes(s) && document.querySelectorAll('.webchat__bubble').length === 1", "bančni račun");
        await embedded.BotSaysAsync(Strings.Get("sl", "delete.done")[..20]);
        await embedded.ShotAsync("snippet-after-delete");
        await embedded.SayAsync("kako odprem bančni račun");
        await embedded.BotSaysAsync("bančn");
        Assert.Empty(pageErrors);

        // Another website: the browser refuses the token call (CORS) and the frame (frame-ancestors).
        var refused = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        refused.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        await refused.GotoAsync(stranger.Url("/nothing").ToString());
        var error = await refused.EvaluateAsync<string>(
            "bot => fetch(bot + '/api/webchat/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(() => 'allowed', e => e.name)", bot);
        Assert.Equal("TypeError", error);
        var blocked = refused.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal), Timeout = ChatPage.Timeout });
        await refused.GotoAsync(stranger.Url("/iframe.html").ToString());
        await blocked;
        await refused.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "embed-iframe", "refused-origin.png") });
    }

    // Found walking the iframe from another site (the docs' bot.example.si in www.postojna.si): a browser that blocks
    // third-party storage (Chromium's private windows, and any with third-party cookies blocked) refuses the framed chat
    // page its sessionStorage, so a reload started a new conversation: the question, the answer and a counselor's
    // reply were gone, and the privacy notice came again.
    [Fact]
    public async Task The_iframe_on_another_site_keeps_the_conversation_over_a_reload_and_delete_leaves_no_cookie()
    {
        Requirements.Chromium();
        var docs = File.ReadAllText(RepositoryRoot.Combine("docs", "embedding.md"));
        var iframe = Assert.Single(HtmlBlocks().Matches(docs).Select(m => m.Groups[1].Value), b => b.Contains("<iframe", StringComparison.Ordinal));
        var pages = new Dictionary<string, string>();
        await using var website = new StaticSite(pages, "localhost");
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["IntegrationBot__Channels__WebChat__AllowedOrigins"] = website.Origin });
        pages["/iframe.html"] = Page(iframe.Replace(DocsBot, host.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
        await using var browser = await BrowserSession.StartAsync();
        var framed = await browser.OpenAsync(website.Url("/iframe.html"), "embed-iframe-other-site");
        var frame = framed.Page.FrameLocator("iframe");
        await ClickAsync(frame.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("sl", "privacy.accept") }));
        await frame.Locator(".webchat__bubble", new() { HasText = Strings.Get("sl", "privacy.accepted")[..20] }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        const string question = "kako odprem bančni račun";
        await SayAsync(frame, question);
        await frame.Locator(".webchat__bubble", new() { HasText = "OTP banka" }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });

        await framed.Page.ReloadAsync();

        await frame.Locator(".webchat__bubble", new() { HasText = question }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await SayAsync(frame, "/help");
        await frame.Locator(".webchat__bubble", new() { HasText = Strings.Get("sl", "help.text")[..30] }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await framed.ShotAsync("after-reload");
        Assert.Equal(1, await frame.Locator(".webchat__bubble", new() { HasText = Strings.Get("sl", "privacy.notice")[..20] }).CountAsync());

        await SayAsync(frame, "/delete");
        await ClickAsync(frame.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("sl", "delete.yes") }));
        await frame.Locator(".webchat__bubble", new() { HasText = Strings.Get("sl", "delete.done")[..20] }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        // The page forgets the conversation right after it clears the screen.
        var chatFrame = framed.Page.Frames.Single(f => f.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal));
        await chatFrame.WaitForFunctionAsync("() => document.cookie === ''", null, new() { Timeout = ChatPage.Timeout, PollingInterval = 100 });
        var cookies = await framed.Page.Context.CookiesAsync();
        Assert.Empty(cookies);
        await framed.Page.ReloadAsync();
        await frame.Locator(".webchat__bubble", new() { HasText = Strings.Get("sl", "privacy.notice")[..20] }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        Assert.Equal(0, await frame.Locator(".webchat__bubble", new() { HasText = question }).CountAsync());
    }

    private static async Task SayAsync(IFrameLocator frame, string text)
    {
        var input = frame.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync(text, new() { Timeout = ChatPage.Timeout });
        await input.PressAsync("Enter");
        await frame.Locator(".webchat__bubble--from-user", new() { HasText = text }).Last.WaitForAsync(new() { Timeout = ChatPage.Timeout });
    }

    private static async Task ClickAsync(ILocator button)
    {
        await button.First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await button.First.ClickAsync(new() { Timeout = ChatPage.Timeout });
    }

    private static string Page(string body) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Občina Postojna</title></head><body><h1>Občina Postojna</h1>{body}</body></html>";

    [GeneratedRegex("```html\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HtmlBlocks();

    [GeneratedRegex(@"^(IntegrationBot__Channels__WebChat__AllowedOrigins)=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex SettingLine();
}
