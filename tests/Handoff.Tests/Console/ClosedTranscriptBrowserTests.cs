using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Seen in the console: a closed conversation's last line read "closed: referred:ue — Dërguar në UE (Besa)",
/// the stored code, where the Closed list already said "Referred to an institution: UE – administrative unit".</summary>
public sealed class ClosedTranscriptBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_close_line_says_the_outcome_in_words()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Besa", "sq");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c-1", "c-1", "{}"), "sq", "residence-permit", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(ticket.RequestId, "Besa", Ct);
        await host.Queue.CloseAsync(ticket.RequestId, "Besa", "referred:ue — Dërguar në UE", Ct);
        var page = await session.LoginAsync("Besa");

        await page.ClickAsync("button[data-view=closed]");
        await page.Locator("#closed-rows tr", new() { HasText = "residence-permit" }).ClickAsync();
        var line = page.Locator("#transcript li", new() { HasText = "Dërguar në UE" });
        await line.WaitForAsync();

        var text = await line.InnerTextAsync();
        Assert.Contains("Closed: Referred to an institution: UE – administrative unit — Dërguar në UE (Besa)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("referred:ue", text, StringComparison.Ordinal);
        Assert.Empty(session.ScriptErrors);
    }
}
