using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser.</summary>
internal static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Requirements.Chromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Requirements.ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback: background services would only fail and slow the start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
