using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>A host with one editor signed in to the console in a desktop-sized page (page language sl).</summary>
internal sealed class EditorSession : IAsyncDisposable
{
    private const string Password = "editor-password-1";

    private HostProcess _host = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IPage Console { get; private set; } = null!;

    public string Url(string path) => new Uri(_host.BaseAddress, path).ToString();

    /// <summary>A migrant's web chat at phone size in <paramref name="language"/>, privacy notice accepted.</summary>
    public async Task<IPage> OpenWebChatAsync(string language)
    {
        var user = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        user.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        await user.GotoAsync(Url($"/?lang={language}"));
        var accept = user.Locator(".webchat__suggested-action", new() { HasText = Strings.Get(language, "privacy.accept") }).First;
        await accept.WaitForAsync(new() { Timeout = 60_000 });
        await accept.ClickAsync();
        // Wait for the bot to confirm: a question typed before the acceptance is processed is answered without being
        // kept, so a test that looks for it in the backlog would race the consent turn.
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = Strings.Get(language, "privacy.accepted")[..20] })
            .First.WaitForAsync(new() { Timeout = 90_000 });
        return user;
    }

    /// <summary>
    /// Opens a topic's page and waits until its editor shows. When it does not, the failure says what the page showed
    /// instead (its error line, the sign-in form) and whether the host was still running, with its last output.
    /// </summary>
    public async Task OpenTopicAsync(string topicId)
    {
        await Console.GotoAsync(Url($"/console/knowledge?topic={Uri.EscapeDataString(topicId)}"));
        var shown = Console.Locator("#edit-view:not([hidden]), #signin-view:not([hidden]), #error:not([hidden])").First;
        try
        {
            await shown.WaitForAsync(new() { Timeout = 90_000 });
            if (await Console.Locator("#edit-view:not([hidden])").IsVisibleAsync())
            {
                return;
            }
        }
        catch (TimeoutException)
        {
        }

        await Console.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"ib-topic-{topicId}-failed.png"), FullPage = true });
        var error = await Console.Locator("#error").InnerTextAsync();
        var signIn = await Console.Locator("#signin-view").IsVisibleAsync();
        Assert.Fail($"topic {topicId} did not open: error line '{error}', sign-in shown {signIn}, host exited {_host.HasExited}.\n{_host.Output[^Math.Min(4000, _host.Output.Length)..]}");
    }

    public static async Task<EditorSession> StartAsync(string name, string languages)
    {
        Requirements.Chromium();
        var data = Directory.CreateTempSubdirectory("ib-knowledge-").FullName;
        var (exit, output) = await Cli.RunAsync(data, Password + "\n", "counselor", "add", name, "--languages", languages, "--editor");
        Assert.True(exit == 0, output);
        var session = new EditorSession { _host = await HostProcess.StartAsync(dataPath: data) };
        (session._playwright, session.Browser) = await Support.Browser.LaunchAsync();
        // axe-core is injected as a script file; the console's CSP allows only its own scripts.
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 }, BypassCSP = true, Locale = "sl-SI" });
        // Every click and wait waits for what it needs, up to 90 s: with the test projects and their browsers in parallel
        // on 2 cores, a topic page took over Playwright's default 30 s to show its publish button once.
        context.SetDefaultTimeout(90_000);
        session.Console = await context.NewPageAsync();
        await session.Console.GotoAsync(session.Url("/console"));
        await session.Console.FillAsync("input[name=name]", name);
        await session.Console.FillAsync("input[name=password]", Password);
        await session.Console.ClickAsync("#login-form button[type=submit]");
        await session.Console.Locator("#whoami:not([hidden])").WaitForAsync();
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }
}
