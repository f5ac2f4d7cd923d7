using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Two counselors on one computer: the browser holds one console session, the last login's. A console page
/// opened for the other counselor stops acting the moment it would act in someone else's name, and shows who is
/// logged in now.</summary>
public sealed class SharedBrowserLoginBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium on the real host: a tab of the office browser still showed the login form when Maja logged
    /// in in another tab; Ana then logged in with that form. Maja's tab still said "Maja (en, ar, sl)"; she pressed Take,
    /// and the case went to Ana: the person read "Counselor Ana is now with you" and Maja's tab showed "active – Ana"
    /// with the reply box disabled.</summary>
    [Fact]
    public async Task A_console_page_never_acts_in_the_name_of_a_counselor_who_logged_in_after_it()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en");
        await session.AddCounselorAsync("Ana", "en");
        var (maja, other) = await session.NewTabsAsync();
        await session.OpenConsoleAsync(other);
        await other.Locator("#login-form:visible").WaitForAsync();
        await session.LoginAsync(maja, "Maja");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "p-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        var row = maja.Locator("#queue-rows tr", new() { HasText = "housing" });
        await row.WaitForAsync();

        await other.FillAsync("input[name=name]", "Ana");
        await other.FillAsync("input[name=password]", ConsoleBrowserSession.PasswordOf("Ana"));
        await other.ClickAsync("#login-form button[type=submit]");
        await ConsoleBrowserSession.ConnectedAsync(other);
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();

        await maja.Locator("#me", new() { HasText = "Ana" }).WaitForAsync();
        await maja.Locator("#error", new() { HasText = "now logged in as Ana" }).WaitForAsync();
        Assert.Equal(HandoffStatus.Waiting, (await host.Queue.GetAsync(ticket.RequestId, Ct))!.Status);
        Assert.Empty(session.ScriptErrors);
    }
}
