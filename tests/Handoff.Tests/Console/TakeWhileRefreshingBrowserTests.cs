using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// Walking the counselor journey with the keyboard, Take once left the focus on the conversation's heading instead of
/// the reply box: a redraw the live stream had started just before (the person wrote again) came back after the Take
/// with the old state, used up "focus the reply box next" on a conversation that was still waiting, and the typed
/// reply went nowhere. An answer older than the latest redraw must not draw the conversation.
/// </summary>
public sealed class TakeWhileRefreshingBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_redraw_started_before_take_and_answered_after_it_neither_takes_the_focus_nor_draws_the_old_state()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "ar-1", "u1", "{}"), "ar", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "أريد التحدث مع شخص", Ct);
        var page = await session.LoginAsync("Maja");
        var row = page.Locator("#queue-rows tr", new() { HasText = "housing" });
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#take:not([disabled])").WaitForAsync();

        // The next read of the conversation (the stream's redraw for the person's new message) is answered only after
        // the Take has been answered, and the read after it only once the page has the old answer.
        var conversation = $"**/api/handoffs/{ticket.RequestId}";
        var claimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var staleRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        await page.RouteAsync(conversation, async route =>
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                var stale = await route.FetchAsync();
                held.TrySetResult();
                await claimed.Task;
                var finished = page.WaitForRequestFinishedAsync(new() { Predicate = r => r == route.Request });
                await route.FulfillAsync(new() { Response = stale });
                await finished;
                // A turn of the page's event loop: its script has the old answer in hand.
                await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 0))");
                staleRead.TrySetResult();
                return;
            }

            await staleRead.Task;
            await route.ContinueAsync();
        });
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "هل أنت هناك؟", Ct);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);

        await page.FocusAsync("#take");
        var claim = page.WaitForResponseAsync(r => r.Url.EndsWith("/claim", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await claim;
        claimed.TrySetResult();
        await staleRead.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);

        await page.Locator("#conv-status", new() { HasText = "active – Maja" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'reply-text'", null, new() { Timeout = 90_000 });
        // Every read has been answered by now (the held one too): the screen still shows the taken conversation.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("reply-text", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.False(await page.Locator("#reply-text").IsDisabledAsync());
        Assert.True(await page.Locator("#take").IsDisabledAsync());
        Assert.Empty(session.ScriptErrors);
    }
}
