using System.Runtime.CompilerServices;
using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The console in real Chromium: alerts for new requests and emergencies, and keyboard use.</summary>
public sealed class ConsoleAlertsBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    // Generous: on a busy 2-core machine with other test projects running, a live update can take long.
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 90_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_emergency_sounds_shows_in_the_title_and_a_banner_until_claimed_and_mute_silences_the_next()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", false, "en", "ar");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await LoginAsync(browser, host);

        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "e-1", "u1", "{}"), "en", "violence-help", HandoffReason.Emergency), Ct);

        await page.Locator("#alerts[data-sound=played]", new() { HasText = "New emergency request" }).WaitForAsync(Long);
        await page.Locator("#emergency-banner:not([hidden])").WaitForAsync(Long);
        Assert.StartsWith("(1) 🚨", await page.TitleAsync(), StringComparison.Ordinal);
        await page.ClickAsync("button[data-view=dashboard]");
        Assert.True(await page.Locator("#emergency-banner").IsVisibleAsync());

        await page.ClickAsync("#mute");
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "n-1", "u2", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        await page.Locator("#alerts[data-sound=muted]", new() { HasText = "New request (1)" }).WaitForAsync(Long);
        await page.WaitForFunctionAsync("() => document.title.startsWith('(2) 🚨')", null, new() { Timeout = 90_000 });

        await host.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);
        await page.Locator("#emergency-banner[hidden]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 90_000 });
        await page.WaitForFunctionAsync("() => document.title.startsWith('(1) ') && !document.title.includes('🚨')", null, new() { Timeout = 90_000 });
    }

    /// <summary>Seen in the console: Besa held an English chat and was reading another one when the person wrote "my
    /// husband is hitting me right now"; the bot told them the request was marked urgent, and Besa got no sound, no title
    /// and no alert: only waiting requests and transfers alerted.</summary>
    [Fact]
    public async Task A_conversation_the_counselor_holds_that_turns_into_an_emergency_alerts_them()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Besa", "besa-password", false, "en");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var address = new ConversationAddress("telegram", "3001", "3001", "{}");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(address, "en", "work", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(ticket.RequestId, "Besa", Ct);
        var page = await LoginAsync(browser, host, name: "Besa");
        await page.ClickAsync("button[data-view=dashboard]");
        await page.Locator("#live.on").WaitForAsync(Long);

        await host.Queue.EnqueueAsync(new HandoffDraft(address, "en", "violence-help", HandoffReason.Emergency), Ct);

        await page.Locator("#alerts[data-sound=played]", new() { HasText = "now an emergency" }).WaitForAsync(Long);
        await page.WaitForFunctionAsync("() => document.title.includes('🚨')", null, new() { Timeout = 90_000 });

        // Opened, it has been seen: the title no longer calls.
        await page.ClickAsync("button[data-view=active]");
        await page.Locator("#active-rows tr", new() { HasText = "telegram" }).ClickAsync();
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync(Long);
        await page.WaitForFunctionAsync("() => !document.title.includes('🚨')", null, new() { Timeout = 90_000 });
    }

    [Fact]
    public async Task A_queue_row_opens_with_enter_and_after_take_the_reply_box_has_the_focus()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", false, "en");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await LoginAsync(browser, host);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "k-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        var row = page.Locator("#queue-rows tr", new() { HasText = "housing" });
        await row.WaitForAsync(Long);

        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conversation-view:not([hidden])").WaitForAsync(Long);
        await page.Locator("#take:not([disabled])").WaitForAsync(Long);
        await page.FocusAsync("#take");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'reply-text'", null, new() { Timeout = 90_000 });
    }

    [Fact]
    public async Task The_console_passes_an_axe_core_check_with_no_serious_violations_on_each_view()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        var axe = AxeScript();
        Assert.True(File.Exists(axe), $"axe-core is missing: run npm ci in {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(axe)))}");
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", true, "en", "ar");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "a-1", "u1", "{}"), "ar", "housing", HandoffReason.Emergency), Ct);
        // A transcript long enough to scroll, with the person's, the bot's and the counselor's lines: the first check saw
        // only an empty waiting conversation, so the lines' contrast and the scrolling were never looked at.
        for (var line = 0; line < 12; line++)
        {
            await host.Queue.RelayUserMessageAsync(ticket.RequestId, $"أحتاج مساعدة في السكن، رقم {line} في Postojna", Ct);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await LoginAsync(browser, host, injectsScripts: true);
        await page.Locator("#queue-rows tr").First.WaitForAsync(Long);

        var problems = new List<string>();
        problems.AddRange((await SeriousViolationsAsync(page, axe)).Select(p => $"queue: {p}"));
        await page.Locator("#queue-rows tr button").First.ClickAsync();
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync(Long);
        await page.FillAsync("#reply-text", "مرحبا، أنا Maja من Starting Point");
        await page.ClickAsync("#send");
        await page.Locator("#transcript li.counselor").WaitForAsync(Long);
        problems.AddRange((await SeriousViolationsAsync(page, axe)).Select(p => $"conversation: {p}"));
        await page.ClickAsync("#close-form button[type=submit]");
        await page.Locator("#conv-status", new() { HasText = "closed" }).WaitForAsync(Long);
        problems.AddRange((await SeriousViolationsAsync(page, axe)).Select(p => $"closed conversation: {p}"));

        foreach (var view in new[] { "queue", "active", "closed", "dashboard", "canned", "admin" })
        {
            await page.ClickAsync($"button[data-view={view}]");
            await page.Locator($"#{view}-view:not([hidden])").WaitForAsync(Long);
            problems.AddRange((await SeriousViolationsAsync(page, axe)).Select(p => $"{view}: {p}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_admin_exports_and_erases_the_person_of_a_conversation_without_seeing_their_user_id()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", true, "en");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "p-1", "user-secret-7351", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "my name is PERSON-MARKER-88", Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await LoginAsync(browser, host);
        await page.Locator("#queue-rows tr", new() { HasText = "housing" }).ClickAsync();
        await page.Locator("#person-data:not([hidden])").WaitForAsync(Long);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#person-export"), new() { Timeout = 90_000 });
        var exported = await File.ReadAllTextAsync(await download.PathAsync(), Ct);
        Assert.Contains("PERSON-MARKER-88", exported, StringComparison.Ordinal);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#person-erase");
        await page.Locator("#person-result", new() { HasText = "Erased." }).WaitForAsync(Long);

        Assert.Null(await host.Queue.GetAsync(ticket.RequestId, Ct));
        Assert.DoesNotContain("user-secret-7351", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reasons_and_outcomes_read_as_words_and_the_dashboard_counts_referrals_per_institution()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", false, "en");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "o-1", "u1", "{}"), "en", "social-assistance", HandoffReason.AskedForHuman), Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await LoginAsync(browser, host);
        var row = page.Locator("#queue-rows tr", new() { HasText = "social-assistance" });
        await row.WaitForAsync(Long);
        Assert.Contains("Asked for a person", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("askedForHuman", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        await page.Locator("#close-form button[type=submit]:not([disabled])").WaitForAsync(Long);
        await page.SelectOptionAsync("#close-outcome", "referred");
        await page.SelectOptionAsync("#close-institution", "csd");
        await page.FillAsync("#close-note", "child benefit form");
        await page.ClickAsync("#close-form button[type=submit]");
        await page.Locator("#conv-status", new() { HasText = "closed" }).WaitForAsync(Long);
        Assert.Equal("referred:csd — child benefit form", (await host.Queue.GetAsync(ticket.RequestId, Ct))!.Outcome);

        await page.ClickAsync("button[data-view=closed]");
        await page.Locator("#closed-rows tr", new() { HasText = "Referred to an institution: CSD – social work centre — child benefit form" }).WaitForAsync(Long);
        await page.ClickAsync("button[data-view=dashboard]");
        await page.Locator("#d-referrals tr", new() { HasText = "CSD – social work centre" }).WaitForAsync(Long);
        Assert.Equal("CSD – social work centre\t1", (await page.Locator("#d-referrals tr").First.InnerTextAsync()).Trim());
        await page.Locator("#d-outcomes tr", new() { HasText = "Referred to an institution" }).WaitForAsync(Long);
    }

    [Fact]
    public async Task A_transfer_to_an_offline_colleague_asks_first_and_the_receiving_counselor_is_alerted()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("Chromium is not installed at /usr/bin/chromium.");
        }

        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", false, "en");
        await host.AddCounselorAsync("Amira", "amira-password", false, "en", "ar");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "x-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var maja = await LoginAsync(browser, host);
        await maja.Locator("#queue-rows tr", new() { HasText = "housing" }).Locator("button", new() { HasText = "Take" }).ClickAsync();
        await maja.Locator("#transfer-form button[type=submit]:not([disabled])").WaitForAsync(Long);
        var warned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        maja.Dialog += async (_, dialog) =>
        {
            warned.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        };

        // Amira has never opened the console: Maja is asked first, and saying no keeps the conversation with her.
        await maja.FillAsync("#transfer-counselor", "amira");
        await maja.ClickAsync("#transfer-form button[type=submit]");
        Assert.Contains("Amira is offline", await warned.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct), StringComparison.Ordinal);
        Assert.Equal("Maja", (await host.Queue.GetAsync(ticket.RequestId, Ct))!.AssignedCounselor);

        // Once Amira is online the transfer goes through without a question, and her console alerts her.
        warned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var amira = await LoginAsync(browser, host, name: "Amira");
        await maja.FillAsync("#transfer-counselor", "Amira");
        await maja.ClickAsync("#transfer-form button[type=submit]");
        await maja.Locator("#conv-status", new() { HasText = "Amira" }).WaitForAsync(Long);
        Assert.False(warned.Task.IsCompleted);
        await amira.Locator("#alerts[data-sound=played]", new() { HasText = "A conversation was transferred to you" }).WaitForAsync(Long);
        await amira.WaitForFunctionAsync("() => document.title.startsWith('(→1) ')", null, new() { Timeout = 90_000 });
        Assert.Contains("x-1 transferred to Amira", host.Messenger.Sent);
    }

    private static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string axe)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = axe });
        }

        return await page.EvaluateAsync<string[]>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
    }

    private static string AxeScript([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(source))!, "console-a11y", "node_modules", "axe-core", "axe.min.js");

    // The console's CSP (script-src 'self') would block the injected axe-core; only the checker's page bypasses it.
    private static async Task<IPage> LoginAsync(IBrowser browser, ConsoleHost host, bool injectsScripts = false, string name = "Maja")
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BypassCSP = injectsScripts });
        await page.GotoAsync(new Uri(host.BaseAddress, "/console").ToString());
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", $"{name.ToLowerInvariant()}-password");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#live.on").WaitForAsync(Long);
        await page.Locator("#queue-view:not([hidden])").WaitForAsync(Long);
        return page;
    }
}
