using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Seen in the console: the person sent /delete while Ana had their conversation open; her screen kept all
/// fifteen lines ("my child is not breathing" …), "active – Ana" and an enabled Send, with a bare "Not Found", and her
/// next reply and note answered "Not Found" too. What the person erased must leave the counselor's screen, and the
/// counselor must be told why.</summary>
public sealed class ErasedConversationBrowserTests
{
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 90_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_the_person_erases_leaves_the_counselors_screen_with_a_notice()
    {
        var (playwright, browser) = await ConsoleBrowserLogin.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Ana", "ana-password", false, "en");
        var scriptErrors = new List<string>();
        var page = await ConsoleBrowserLogin.OpenAsync(browser, host, "Ana", "ana-password", scriptErrors);
        var address = new ConversationAddress("telegram", "2002", "2002", "{}");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(address, "en", "doctor", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "ERASED-MARKER my child is not breathing", Ct);
        await ConsoleBrowserLogin.TakeAsync(page, "telegram");
        await page.Locator("#transcript li", new() { HasText = "ERASED-MARKER" }).WaitForAsync(Long);

        // What /delete does: the open request is cancelled, then every store forgets the person.
        await host.Queue.CancelAsync(ticket.RequestId, "deleted by user", Ct);
        await host.Services.GetRequiredService<UserDataService>().DeleteAsync("telegram", "2002", Ct);

        await page.Locator("#error:not([hidden])", new() { HasText = "deleted" }).WaitForAsync(Long);
        Assert.Equal(0, await page.Locator("text=ERASED-MARKER").CountAsync());
        Assert.False(await page.Locator("#conversation-view").IsVisibleAsync());
        Assert.Empty(scriptErrors);
    }
}
