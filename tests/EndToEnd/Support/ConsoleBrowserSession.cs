using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>
/// A console journey against the real host: a host process open around the clock (<see cref="CounselorConsole.OpenEveryDay"/>)
/// with one counselor, added with the real command line before it starts; Debian's Chromium; and that counselor's
/// console logged in with the live stream connected. Disposed with the test; skips without Chromium. The console's own
/// tests use its in-process twin, tests/Handoff.Tests/Console/ConsoleBrowserSession.cs.
/// </summary>
/// <remarks>Every wait is for a signal, up to 90 s: CI runs the test projects and their browsers in parallel on 2 cores,
/// and Playwright's default 30 s once ran out waiting for the live indicator.</remarks>
internal sealed class ConsoleBrowserSession : IAsyncDisposable
{
    private const int Patience = 90_000;

    private readonly IPlaywright _playwright;
    private readonly string _name;
    private readonly string _password;

    private ConsoleBrowserSession(HostProcess host, IPlaywright playwright, IBrowser browser, string name, string password)
    {
        Host = host;
        _playwright = playwright;
        Browser = browser;
        _name = name;
        _password = password;
    }

    public HostProcess Host { get; }

    public IBrowser Browser { get; }

    /// <summary>The counselor's console (1280×800).</summary>
    public IPage Console { get; private set; } = null!;

    /// <param name="settings">Host settings beside the office hours, as environment variables.</param>
    public static async Task<ConsoleBrowserSession> StartAsync(string name, string password, string languages, IReadOnlyDictionary<string, string>? settings = null)
    {
        Requirements.Chromium();
        var data = Directory.CreateTempSubdirectory("ib-console-").FullName;
        var (exit, output) = await Cli.RunAsync(data, password + "\n", "counselor", "add", name, "--languages", languages);
        Assert.True(exit == 0, output);
        var environment = new Dictionary<string, string>(CounselorConsole.OpenEveryDay);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var host = await HostProcess.StartAsync(environment, data);
        ConsoleBrowserSession? session = null;
        try
        {
            var (playwright, browser) = await Support.Browser.LaunchAsync();
            session = new ConsoleBrowserSession(host, playwright, browser, name, password);
            session.Console = await session.OpenConsoleAsync();
            return session;
        }
        catch
        {
            await (session?.DisposeAsync() ?? host.DisposeAsync());
            throw;
        }
    }

    /// <summary>Another console window (its own cookies) with the same counselor logged in, in the browser language
    /// <paramref name="locale"/> when given; <paramref name="forAxe"/>: the window lets axe-core in (the console's CSP
    /// allows only its own scripts).</summary>
    public async Task<IPage> OpenConsoleAsync(string? locale = null, bool forAxe = false)
    {
        var window = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = locale, BypassCSP = forAxe });
        window.SetDefaultTimeout(Patience);
        var page = await window.NewPageAsync();
        await page.GotoAsync(new Uri(Host.BaseAddress, "/console").ToString());
        await page.FillAsync("input[name=name]", _name);
        await page.FillAsync("input[name=password]", _password);
        await page.ClickAsync("#login-form button[type=submit]");
        // Connected, and the first view is shown, so a tab chosen next stays chosen.
        await page.Locator("#live.on").WaitForAsync(new() { Timeout = Patience });
        await page.Locator("#queue-view:not([hidden])").WaitForAsync(new() { Timeout = Patience });
        return page;
    }

    /// <summary>Takes the waiting request whose queue row shows <paramref name="rowText"/>.</summary>
    public async Task TakeAsync(string rowText)
    {
        var row = Console.Locator("#queue-rows tr", new() { HasText = rowText });
        await row.WaitForAsync(new() { Timeout = Patience });
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
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
}
