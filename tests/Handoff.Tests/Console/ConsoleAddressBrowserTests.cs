using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The console's address says which view is open, so the browser's reload and Back do what a counselor expects:
/// a reload stays in the conversation, Back goes to the view before it, and after logout neither shows anything.</summary>
public sealed class ConsoleAddressBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium: Maja reloaded the console while answering a person and landed on an empty queue
    /// ("Nobody is waiting."); nothing on it said she still held the conversation, which she had to look for under Active.</summary>
    [Fact]
    public async Task A_reload_mid_conversation_comes_back_to_that_conversation()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Maja", "en");
        var ticket = await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "r-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await session.Host.Queue.RelayUserMessageAsync(ticket.RequestId, "my landlord keeps my deposit", Ct);
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "housing");

        await page.ReloadAsync();

        await page.Locator("#conversation-view:not([hidden]) #transcript li.user", new() { HasText = "keeps my deposit" }).WaitForAsync();
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync();
        await page.Locator("#reply-text:focus").WaitForAsync();
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>Seen in Chromium: Back in an open conversation left the console for the page before it (about:blank in
    /// a new window) instead of going back to the queue.</summary>
    [Fact]
    public async Task Back_goes_to_the_view_before_and_after_logout_shows_only_the_login()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Maja", "en");
        var ticket = await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "b-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await session.Host.Queue.RelayUserMessageAsync(ticket.RequestId, "PRIVATE-LINE my landlord keeps my deposit", Ct);
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "housing");

        await page.GoBackAsync();
        await page.Locator("#queue-view:not([hidden])").WaitForAsync();
        Assert.StartsWith(new Uri(session.Host.BaseAddress, "/console").ToString(), page.Url, StringComparison.Ordinal);
        await page.GoForwardAsync();
        await page.Locator("#conversation-view:not([hidden]) #transcript li", new() { HasText = "PRIVATE-LINE" }).WaitForAsync();

        await page.ClickAsync("#logout");
        await page.Locator("#login-form:visible").WaitForAsync();
        await page.GoBackAsync();
        await page.Locator("#login-form:visible").WaitForAsync();
        Assert.DoesNotContain("PRIVATE-LINE", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#nav").IsVisibleAsync());
        Assert.Empty(session.ScriptErrors);
    }
}
