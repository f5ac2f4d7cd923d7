using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A conversation handed to a counselor while their console was closed calls them when they open it.</summary>
public sealed class TransferredWhileAwayBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen walking the counselor journey: Maja transferred an emergency to Luka, who was offline, and was
    /// asked "Luka is offline: they will not see this conversation until they open the console. Transfer anyway?". When
    /// Luka opened the console it showed "Nobody is waiting": no sound, nothing in the title, no alert; the person in
    /// danger waited in the Active tab, where nothing told Luka to look. Only a transfer made while he was online
    /// alerted.</summary>
    [Fact]
    public async Task A_conversation_transferred_while_the_counselor_was_offline_alerts_them_when_they_log_in()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en");
        await session.AddCounselorAsync("Luka", "en");
        var emergency = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "e-7", "u7", "{}"), "en", "violence-help", HandoffReason.Emergency), Ct);
        await host.Queue.ClaimAsync(emergency.RequestId, "Maja", Ct);
        Assert.True((await host.Queue.TransferToCounselorAsync(emergency.RequestId, "Maja", "Luka", Ct)).Succeeded);
        // Luka's own conversation, which he took himself and left open, is no news to him.
        var own = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "o-7", "o7", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(own.RequestId, "Luka", Ct);

        var luka = await session.LoginAsync("Luka");

        await luka.Locator("#alerts[data-sound=played]", new() { HasText = "A conversation was transferred to you" }).WaitForAsync();
        await luka.WaitForFunctionAsync("() => document.title.startsWith('(→1) 🚨 ')");

        // Opened, it has been seen: the title no longer calls.
        await luka.ClickAsync("button[data-view=active]");
        await luka.Locator("#active-rows tr", new() { HasText = "violence-help" }).ClickAsync();
        await luka.Locator("#conv-status", new() { HasText = "Luka" }).WaitForAsync();
        await luka.WaitForFunctionAsync("() => !document.title.includes('→') && !document.title.includes('🚨')");
        Assert.Empty(session.ScriptErrors);
    }
}
