using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>Debian's Chromium for one journey; disposed with the test.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        return new BrowserSession(playwright, browser);
    }

    public Task<ChatPage> OpenAsync(Uri url, string journey) => ChatPage.OpenAsync(Browser, url, journey);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
