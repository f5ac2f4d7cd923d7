using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// A counselor without a mouse, in real Chromium at 1280×800: every control is reached with Tab, focus is visible at
/// every stop, and after each action it lands somewhere that says what happened, never on the page itself.
/// </summary>
public sealed class KeyboardOnlyBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium: the focus ring of the tabs, Mute, Desktop notifications and Log out was drawn in the
    /// header's own blue, so a counselor tabbing through the header could not see where they were; after opening a row,
    /// Release, a transfer, Close or Back the focus fell back to the page, and the next Tab started from the top.</summary>
    [Fact]
    public async Task A_counselor_takes_replies_notes_transfers_releases_and_closes_with_the_keyboard_alone()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        await session.AddCounselorAsync("Ana", "en", "sl");
        await session.AddCounselorAsync("Besa", "en", "sq");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "k-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "I need help finding a flat", Ct);
        using var besa = await host.LoginAsync("Besa", "besa-password");
        using var besaOnline = await OpenStreamAsync(besa);
        var page = await session.NewPageAsync();
        var dialogs = new List<string>();
        var warned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
            warned.TrySetResult();
        };

        await session.OpenConsoleAsync(page);
        await TabToAsync(page, "input[name=name]");
        await page.Keyboard.TypeAsync("Maja");
        await TabToAsync(page, "input[name=password]");
        await page.Keyboard.TypeAsync("maja-password");
        await page.Keyboard.PressAsync("Enter");
        await ConsoleBrowserSession.ConnectedAsync(page);
        await FocusIsInAsync(page, "#queue-view");

        // Once round the whole page: every stop, the header's included, shows where the focus is.
        await page.Locator("#queue-rows tr", new() { HasText = "housing" }).WaitForAsync();
        var first = await FocusedAsync(page);
        for (var stop = 0; stop < 40; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
            if (stop > 0 && await FocusedAsync(page) == first)
            {
                break;
            }
        }

        await TabToAsync(page, "#queue-rows tr button");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync();
        await FocusIsAsync(page, "#reply-text");

        await page.Keyboard.TypeAsync("Hello, I am Maja.");
        await TabToAsync(page, "#send");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#transcript li.counselor", new() { HasText = "I am Maja" }).WaitForAsync();
        await FocusIsAsync(page, "#reply-text");

        await TabToAsync(page, "#note-text");
        await page.Keyboard.TypeAsync("Called the landlord");
        await TabToAsync(page, "#note-form button");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#notes li", new() { HasText = "Called the landlord" }).WaitForAsync();
        await FocusIsAsync(page, "#note-text");

        // Ana has not opened the console: Maja is warned, and saying no keeps the conversation with her.
        await TabToAsync(page, "#transfer-counselor", backwards: true);
        await page.Keyboard.TypeAsync("Ana");
        await page.Keyboard.PressAsync("Enter");
        await warned.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        await FocusIsAsync(page, "#transfer-counselor");
        Assert.Contains(dialogs, d => d.Contains("Ana is offline", StringComparison.Ordinal));
        Assert.Equal("Maja", (await host.Queue.GetAsync(ticket.RequestId, Ct))!.AssignedCounselor);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Backspace");

        await TabToAsync(page, "#release");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "waiting" }).WaitForAsync();
        await FocusIsAsync(page, "#conv-title");

        await TabToAsync(page, "#take");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync();
        await FocusIsAsync(page, "#reply-text");

        // Besa, online, serves English: to the English queue without a question.
        var asked = dialogs.Count;
        await TabToAsync(page, "#transfer-language");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("en", await page.InputValueAsync("#transfer-language"));
        await TabToAsync(page, "#transfer-form button");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "waiting" }).WaitForAsync();
        await FocusIsAsync(page, "#conv-title");
        Assert.Equal(asked, dialogs.Count);

        await TabToAsync(page, "#take");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync();
        await TabToAsync(page, "#close-outcome");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "#close-institution");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "#close-note");
        await page.Keyboard.TypeAsync("appointment Tuesday");
        await TabToAsync(page, "#close-form button");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "closed" }).WaitForAsync();
        await FocusIsAsync(page, "#conv-title");
        Assert.Equal("referred:zrsz — appointment Tuesday", (await host.Queue.GetAsync(ticket.RequestId, Ct))!.Outcome);
        await SaveScreenshotAsync(page, "console-keyboard-closed.png");

        await TabToAsync(page, "button[data-view=closed]", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "#closed-rows tr");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#conv-status", new() { HasText = "closed" }).WaitForAsync();
        await FocusIsAsync(page, "#conv-title");

        await TabToAsync(page, "#back", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#queue-view:not([hidden])").WaitForAsync();
        await FocusIsInAsync(page, "#queue-view");
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>Seen in Chromium: a canned response opened for editing only with a click on its row; with the keyboard
    /// the row was no Tab stop, so a typo in a canned text could not be corrected without a mouse.</summary>
    [Fact]
    public async Task A_canned_response_is_edited_with_the_keyboard_alone()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Maja", "en", "ar");
        using (var maja = await session.Host.LoginAsync("Maja", "maja-password"))
        {
            var saved = await maja.PostAsync("/api/canned-responses", new { language = "en", title = "Office hours", text = "Monday to Friday 8:00-15:00." });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);
        await page.FillAsync("input[name=name]", "Maja");
        await page.FillAsync("input[name=password]", "maja-password");
        await page.Keyboard.PressAsync("Enter");
        await ConsoleBrowserSession.ConnectedAsync(page);

        await TabToAsync(page, "button[data-view=canned]", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        // Past the install's default responses (ar sorts first) to the office's own.
        await TabToAsync(page, "#canned-rows tr");
        for (var stop = 0; stop < 60 && !(await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Contains("Office hours", StringComparison.Ordinal); stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#canned-form-title", new() { HasText = "Edit canned response" }).WaitForAsync();
        await FocusIsAsync(page, "#canned-title");
        await TabToAsync(page, "#canned-text");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" Wednesday until 17:00.");
        await TabToAsync(page, "#canned-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("#canned-rows tr", new() { HasText = "Wednesday until 17:00." }).WaitForAsync();
        Assert.Equal(1, await page.Locator("#canned-rows tr", new() { HasText = "Office hours" }).CountAsync());
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="selector"/> has the focus, checking each stop on the way
    /// shows its focus; fails after 40 stops.</summary>
    private static async Task TabToAsync(IPage page, string selector, bool backwards = false)
    {
        await page.Locator(selector).First.WaitForAsync();
        for (var stop = 0; stop < 40; stop++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            await AssertFocusVisibleAsync(page);
            if (await page.EvaluateAsync<bool>("s => document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"{selector} was not reached with {(backwards ? "Shift+Tab" : "Tab")} in 40 stops");
    }

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const a = document.activeElement; return a ? `${a.tagName}#${a.id} ${(a.textContent || '').trim().slice(0, 30)}` : ''; }");

    private static async Task FocusIsAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForFunctionAsync("s => document.activeElement && document.activeElement.matches(s)", selector);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the focus is on {await FocusedAsync(page)}, not on {selector}");
        }
    }

    private static async Task FocusIsInAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForFunctionAsync("s => document.activeElement && document.activeElement.closest(s)", selector);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the focus is on {await FocusedAsync(page)}, not inside {selector}");
        }
    }

    /// <summary>The focused element has an outline that stands out 3:1 against what is behind it (WCAG 1.4.11); the page
    /// itself (the browser's own stop between the last control and the first) is skipped.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var problem = await page.EvaluateAsync<string>(
            """
            () => {
              const a = document.activeElement;
              if (!a || a === document.body) return '';
              const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
              const lum = (c) => { const v = rgb(c).slice(0, 3).map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
              const style = getComputedStyle(a);
              const name = `${a.tagName.toLowerCase()}#${a.id} "${(a.textContent || a.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
              if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 1) return `${name}: no focus outline`;
              let behind = parseFloat(style.outlineOffset) < 0 ? a : a.parentElement;
              let background = 'rgb(255, 255, 255)';
              for (; behind; behind = behind.parentElement) {
                const b = getComputedStyle(behind).backgroundColor;
                if (rgb(b).length === 3 || (rgb(b)[3] ?? 0) > 0) { background = b; break; }
              }
              const [l1, l2] = [lum(style.outlineColor), lum(background)].sort((x, y) => y - x);
              const ratio = (l1 + 0.05) / (l2 + 0.05);
              return ratio >= 3 ? '' : `${name}: focus outline ${style.outlineColor} on ${background} is ${ratio.toFixed(2)}:1`;
            }
            """);
        Assert.True(problem.Length == 0, problem);
    }

    /// <summary>A colleague's console: an open event stream marks them online.</summary>
    private static async Task<StreamReader> OpenStreamAsync(ConsoleClient client)
    {
        var response = await client.Http.GetAsync("/api/handoffs/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (await reader.ReadLineAsync(timeout.Token) is { } line && line != "event: ready")
        {
        }

        return reader;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }
}
