using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Every counselor online is alerted to a waiting emergency; the banner's "open the queue" then shows it, also
/// to a counselor whose queue leaves its language to a colleague online.</summary>
public sealed class EmergencyBannerBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium with two counselors online: Ana (en, ar) heard the emergency sound, read "(1)" and the
    /// alarm sign in the tab title and the red banner "An emergency is waiting – open the queue", opened it and read
    /// "Nobody is waiting.": the emergency was in Slovenian, which Maja, online too, speaks, so Ana's queue left it to her
    /// without a word.</summary>
    [Fact]
    public async Task The_banner_opens_a_queue_that_shows_the_emergency_in_a_colleagues_language()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "sl");
        await session.AddCounselorAsync("Ana", "en", "ar");
        var maja = await session.LoginAsync("Maja");
        var ana = await session.LoginAsync("Ana");

        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "e-1", "u1", "{}"), "sl", "violence-help", HandoffReason.Emergency), Ct);
        await maja.Locator("#queue-rows tr", new() { HasText = "violence-help" }).WaitForAsync();
        await ana.Locator("#emergency-banner:not([hidden])").WaitForAsync();
        // Until then her queue says why it shows nothing, not that nobody waits.
        await ana.Locator("#queue-empty", new() { HasText = "1 request waits for colleagues online" }).WaitForAsync();

        await ana.ClickAsync("#emergency-open");

        await ana.Locator("#queue-rows tr", new() { HasText = "violence-help" }).WaitForAsync();
        Assert.True(await ana.IsCheckedAsync("#show-all"));
        Assert.Empty(session.ScriptErrors);
    }
}
