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
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_the_person_erases_leaves_the_counselors_screen_with_a_notice()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Ana", "en");
        var page = await session.LoginAsync("Ana");
        var address = new ConversationAddress("telegram", "2002", "2002", "{}");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(address, "en", "doctor", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "ERASED-MARKER my child is not breathing", Ct);
        await ConsoleBrowserSession.TakeAsync(page, "telegram");
        await page.Locator("#transcript li", new() { HasText = "ERASED-MARKER" }).WaitForAsync();

        // The queue the page shows next is held back until the words have been counted (5 s at most): the person's
        // words must leave the page at once, not when that list is redrawn. Before, the queue row drawn before Take kept
        // them (hidden) until then, and this test failed now and then on a busy machine.
        var counted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/handoffs?status=waiting*", async route =>
        {
            await Task.WhenAny(counted.Task, Task.Delay(TimeSpan.FromSeconds(5), Ct));
            await route.ContinueAsync();
        });

        // What /delete does: the open request is cancelled, then every store forgets the person.
        await host.Queue.CancelAsync(ticket.RequestId, "deleted by user", Ct);
        await host.Services.GetRequiredService<UserDataService>().DeleteAsync("telegram", "2002", Ct);

        await page.Locator("#error:not([hidden])", new() { HasText = "deleted" }).WaitForAsync();
        var left = await page.Locator("text=ERASED-MARKER").CountAsync();
        counted.TrySetResult();
        Assert.Equal(0, left);
        Assert.False(await page.Locator("#conversation-view").IsVisibleAsync());
        Assert.Empty(session.ScriptErrors);
    }
}
