using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Logging out ends the session everywhere it is open: another tab of the console stops showing people's
/// conversations as soon as its live stream ends, not at the counselor's next click.</summary>
public sealed class LogoutBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium: Maja logged out in one tab; her second tab kept the person's transcript on screen with
    /// an enabled Take button, and only its live dot turned pink.</summary>
    [Fact]
    public async Task After_logout_in_one_tab_the_other_tab_shows_the_login_and_no_conversation()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "o-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "PRIVATE-LINE my landlord keeps my deposit", Ct);
        var (first, second) = await session.NewTabsAsync();
        await session.LoginAsync(first, "Maja");
        await session.OpenConsoleAsync(second);
        await ConsoleBrowserSession.ConnectedAsync(second);
        await second.Locator("#queue-rows tr", new() { HasText = "housing" }).ClickAsync();
        await second.Locator("#transcript li", new() { HasText = "PRIVATE-LINE" }).WaitForAsync();

        await first.ClickAsync("#logout");
        await first.Locator("#login-form").WaitForAsync();

        await second.Locator("#login-form").WaitForAsync();
        await second.Locator("#error", new() { HasText = "session has ended" }).WaitForAsync();
        Assert.DoesNotContain("PRIVATE-LINE", await second.ContentAsync(), StringComparison.Ordinal);
        Assert.False(await second.Locator("#nav").IsVisibleAsync());
        Assert.Empty(session.ScriptErrors);
    }
}
