using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Seen in the console: a closed conversation's last line read "closed: referred:ue — Dërguar në UE (Besa)",
/// the stored code, where the Closed list already said "Referred to an institution: UE – administrative unit".</summary>
public sealed class ClosedTranscriptBrowserTests
{
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 90_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_close_line_says_the_outcome_in_words()
    {
        var (playwright, browser) = await ConsoleBrowserLogin.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Besa", "besa-password", false, "sq");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c-1", "c-1", "{}"), "sq", "residence-permit", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(ticket.RequestId, "Besa", Ct);
        await host.Queue.CloseAsync(ticket.RequestId, "Besa", "referred:ue — Dërguar në UE", Ct);
        var scriptErrors = new List<string>();
        var page = await ConsoleBrowserLogin.OpenAsync(browser, host, "Besa", "besa-password", scriptErrors);

        await page.ClickAsync("button[data-view=closed]");
        await page.Locator("#closed-rows tr", new() { HasText = "residence-permit" }).ClickAsync();
        var line = page.Locator("#transcript li", new() { HasText = "Dërguar në UE" });
        await line.WaitForAsync(Long);

        var text = await line.InnerTextAsync();
        Assert.Contains("Closed: Referred to an institution: UE – administrative unit — Dërguar në UE (Besa)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("referred:ue", text, StringComparison.Ordinal);
        Assert.Empty(scriptErrors);
    }
}
