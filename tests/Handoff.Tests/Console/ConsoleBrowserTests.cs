using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The console in real Chromium against a real host: live queue, take, reply, close, right-to-left Arabic.</summary>
public sealed class ConsoleBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counselor_sees_a_new_request_live_takes_it_replies_and_closes()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        var page = await session.LoginAsync("Maja");

        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "ar-1", "u1", "{}"), "ar", "housing", HandoffReason.Sensitive), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "أحتاج مساعدة في السكن", Ct);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "en-1", "u2", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        var row = page.Locator("#queue-rows tr", new() { HasText = "housing" });
        await row.WaitForAsync();
        await page.Locator("#queue-rows tr", new() { HasText = "work" }).WaitForAsync();
        Assert.Equal(0, await row.Locator(".emergency").CountAsync());
        Assert.Contains("Sensitive topic", await page.Locator("#queue-rows tr").First.InnerTextAsync(), StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "console-queue.png");
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();

        var bubble = page.Locator("#transcript li.user").First;
        await bubble.WaitForAsync();
        Assert.Equal("rtl", await bubble.GetAttributeAsync("dir"));
        await page.FillAsync("#reply-text", "مرحبا، أنا مايا");
        await page.ClickAsync("#send");
        await page.Locator("#transcript li.counselor").WaitForAsync();
        await SaveScreenshotAsync(page, "console-arabic-conversation.png");

        await page.ClickAsync("#close-form button[type=submit]");
        await page.Locator("#conv-status", new() { HasText = "closed" }).WaitForAsync();
        Assert.Equal(["ar-1 claimed by Maja", "ar-1 message from Maja: مرحبا، أنا مايا", "ar-1 closed: resolved"], host.Messenger.Sent);

        await page.ClickAsync("button[data-view=dashboard]");
        await page.Locator("#d-days tr").First.WaitForAsync();
        await SaveScreenshotAsync(page, "console-dashboard.png");
        Assert.Empty(session.ScriptErrors);
    }

    // Seen in Chromium: the stylesheet's display rules beat the hidden attribute, so the logged-out page showed the
    // tabs (the first Tab stops were Queue, Active, ... instead of Name), and "Institution" showed for every outcome.
    // The language of the page sits below the login form while logged out: Name stays the first stop.
    [Fact]
    public async Task What_is_hidden_stays_hidden_the_tabs_before_login_and_the_institution_unless_referred()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Maja", "en");
        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);
        await page.Locator("#login-form").WaitForAsync();

        Assert.False(await page.Locator("#nav").IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("name", await page.EvaluateAsync<string>("() => document.activeElement.name"));

        await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "en-1", "u1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        await page.FillAsync("input[name=name]", "Maja");
        await page.FillAsync("input[name=password]", "maja-password");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#queue-rows tr", new() { HasText = "work" }).Locator("button", new() { HasText = "Take" }).ClickAsync();
        await page.Locator("#close-outcome").WaitForAsync();

        Assert.True(await page.Locator("#nav").IsVisibleAsync());
        Assert.False(await page.Locator("#close-institution-label").IsVisibleAsync());
        await page.SelectOptionAsync("#close-outcome", "referred");
        await page.Locator("#close-institution-label").WaitForAsync();
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }
}
