using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Logging out ends the session everywhere it is open: another tab of the console stops showing people's
/// conversations as soon as its live stream ends, not at the counselor's next click.</summary>
public sealed class LogoutBrowserTests
{
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 90_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium: Maja logged out in one tab; her second tab kept the person's transcript on screen with
    /// an enabled Take button, and only its live dot turned pink.</summary>
    [Fact]
    public async Task After_logout_in_one_tab_the_other_tab_shows_the_login_and_no_conversation()
    {
        var (playwright, browser) = await ConsoleBrowserLogin.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", false, "en");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "o-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "PRIVATE-LINE my landlord keeps my deposit", Ct);
        var errors = new List<string>();
        await using var tabs = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var first = await tabs.NewPageAsync();
        var second = await tabs.NewPageAsync();
        first.PageError += (_, error) => errors.Add(error);
        second.PageError += (_, error) => errors.Add(error);
        await first.GotoAsync(new Uri(host.BaseAddress, "/console").ToString());
        await first.FillAsync("input[name=name]", "Maja");
        await first.FillAsync("input[name=password]", "maja-password");
        await first.ClickAsync("#login-form button[type=submit]");
        await first.Locator("#live.on").WaitForAsync(Long);
        await second.GotoAsync(new Uri(host.BaseAddress, "/console").ToString());
        await second.Locator("#live.on").WaitForAsync(Long);
        await second.Locator("#queue-rows tr", new() { HasText = "housing" }).ClickAsync();
        await second.Locator("#transcript li", new() { HasText = "PRIVATE-LINE" }).WaitForAsync(Long);

        await first.ClickAsync("#logout");
        await first.Locator("#login-form").WaitForAsync(Long);

        await second.Locator("#login-form").WaitForAsync(Long);
        await second.Locator("#error", new() { HasText = "session has ended" }).WaitForAsync(Long);
        Assert.DoesNotContain("PRIVATE-LINE", await second.ContentAsync(), StringComparison.Ordinal);
        Assert.False(await second.Locator("#nav").IsVisibleAsync());
        Assert.Empty(errors);
    }
}
