using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A desktop console page in real Chromium, logged in with the live stream connected; skips without Chromium.</summary>
internal static class ConsoleBrowserLogin
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<IPage> OpenAsync(IBrowser browser, ConsoleHost host, string name, string password, List<string> scriptErrors)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" });
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync(new Uri(host.BaseAddress, "/console").ToString());
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#live.on").WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>Takes the waiting request whose queue row shows <paramref name="rowText"/> and waits until its
    /// conversation is open and active.</summary>
    public static async Task TakeAsync(IPage page, string rowText)
    {
        var row = page.Locator("#queue-rows tr", new() { HasText = rowText });
        await row.WaitForAsync(new() { Timeout = 90_000 });
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync(new() { Timeout = 90_000 });
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        return (playwright, await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true }));
    }
}
