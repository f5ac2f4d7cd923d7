using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// A console test in real Chromium: a <see cref="ConsoleHost"/>, Debian's Chromium, and console pages logged in with
/// the live stream connected; disposed with the test. Skips without Chromium. A counselor's password is their name in
/// lower case with "-password" (<see cref="PasswordOf"/>).
/// </summary>
/// <remarks>Every wait is for a signal, up to 90 s: CI runs the test projects and their browsers in parallel on 2 cores,
/// and Playwright's default 30 s once ran out waiting for the live indicator.</remarks>
internal sealed class ConsoleBrowserSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private const int Patience = 90_000;

    private readonly IPlaywright _playwright;

    private ConsoleBrowserSession(ConsoleHost host, IPlaywright playwright, IBrowser browser)
    {
        Host = host;
        _playwright = playwright;
        Browser = browser;
    }

    public ConsoleHost Host { get; }

    public IBrowser Browser { get; }

    /// <summary>Uncaught script errors of every page this session opened.</summary>
    public List<string> ScriptErrors { get; } = [];

    public static async Task<ConsoleBrowserSession> StartAsync(Action<IServiceCollection>? services = null)
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"Chromium is not installed at {Chromium}.");
        }

        var host = await ConsoleHost.StartAsync(services);
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                // Nothing beyond loopback is reachable here: background services would only fail and slow the start.
                Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new ConsoleBrowserSession(host, playwright, browser);
        }
        catch
        {
            playwright?.Dispose();
            await host.DisposeAsync();
            throw;
        }
    }

    public static string PasswordOf(string name) => $"{name.ToLowerInvariant()}-password";

    public Task AddCounselorAsync(string name, params string[] languages) =>
        Host.AddCounselorAsync(name, PasswordOf(name), false, languages);

    public Task AddAdminAsync(string name, params string[] languages) =>
        Host.AddCounselorAsync(name, PasswordOf(name), true, languages);

    /// <summary>A desktop-sized page (1280×800, en-GB) of its own (own cookies), not yet at the console.</summary>
    /// <param name="injectsScripts">The console's CSP (script-src 'self') blocks an injected script such as axe-core;
    /// only a checker's page bypasses it.</param>
    public async Task<IPage> NewPageAsync(bool injectsScripts = false)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "en-GB", BypassCSP = injectsScripts });
        Watch(page);
        return page;
    }

    /// <summary>Two tabs of one browser window: they share the session cookie.</summary>
    public async Task<(IPage First, IPage Second)> NewTabsAsync()
    {
        var window = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "en-GB" });
        var first = await window.NewPageAsync();
        var second = await window.NewPageAsync();
        Watch(first);
        Watch(second);
        return (first, second);
    }

    /// <summary>A new page with <paramref name="name"/> logged in, the live stream connected and the queue shown.</summary>
    public async Task<IPage> LoginAsync(string name, bool injectsScripts = false)
    {
        var page = await NewPageAsync(injectsScripts);
        await LoginAsync(page, name);
        return page;
    }

    /// <summary>Logs <paramref name="name"/> in on <paramref name="page"/> with the login form and waits until the
    /// console is connected.</summary>
    public async Task LoginAsync(IPage page, string name)
    {
        await OpenConsoleAsync(page);
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", PasswordOf(name));
        await page.ClickAsync("#login-form button[type=submit]");
        await ConnectedAsync(page);
    }

    public Task OpenConsoleAsync(IPage page) => page.GotoAsync(new Uri(Host.BaseAddress, "/console").ToString());

    /// <summary>Waits until the console is logged in with its live stream connected and has shown its first view, so
    /// a tab chosen next stays chosen.</summary>
    public static async Task ConnectedAsync(IPage page)
    {
        await page.Locator("#live.on").WaitForAsync(new() { Timeout = Patience });
        await page.Locator("#queue-view:not([hidden])").WaitForAsync(new() { Timeout = Patience });
    }

    /// <summary>Takes the waiting request whose queue row shows <paramref name="rowText"/> and waits until its
    /// conversation is open and active.</summary>
    public static async Task TakeAsync(IPage page, string rowText)
    {
        var row = page.Locator("#queue-rows tr", new() { HasText = rowText });
        await row.WaitForAsync(new() { Timeout = Patience });
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync(new() { Timeout = Patience });
    }

    public async ValueTask DisposeAsync()
    {
        // The browser first: its pages' live streams end before the host stops.
        await using (Host)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    private void Watch(IPage page)
    {
        page.SetDefaultTimeout(Patience);
        page.PageError += (_, error) => ScriptErrors.Add(error);
    }
}
