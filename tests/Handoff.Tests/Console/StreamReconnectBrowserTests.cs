using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The live stream only says what changes while it is connected: a request that arrived while the connection
/// was lost (a network hiccup, a proxy closing it) stayed off the queue, the waiting count and the alerts until something
/// else redrew the page. When the stream is back, the console looks again.</summary>
public sealed class StreamReconnectBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_that_arrived_while_the_stream_was_lost_is_shown_and_announced_when_it_is_back()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Ana", "en");
        var page = await session.NewPageAsync();

        // The first stream says "ready" and ends, as a dropped connection does; the browser's reconnection is held
        // until the request has been queued, so the server publishes it to no stream of this page.
        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var streams = 0;
        await page.RouteAsync("**/api/handoffs/stream", async route =>
        {
            if (Interlocked.Increment(ref streams) == 1)
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = "retry: 100\n\nevent: ready\ndata: {}\n\n" });
                return;
            }

            reconnecting.TrySetResult();
            await queued.Task;
            await route.ContinueAsync();
        });

        await session.OpenConsoleAsync(page);
        await page.FillAsync("input[name=name]", "Ana");
        await page.FillAsync("input[name=password]", ConsoleBrowserSession.PasswordOf("Ana"));
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#queue-empty:not([hidden])").WaitForAsync();
        // The waiting requests the page has counted (none): what it announces later is what it had not seen.
        await page.WaitForFunctionAsync("() => state.seen !== null");
        await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);

        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("viber", "while-away", "u", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        queued.TrySetResult();

        await page.Locator("#live.on").WaitForAsync();
        await page.Locator("#queue-rows tr", new() { HasText = "housing" }).WaitForAsync();
        await page.Locator("#waiting-count", new() { HasText = "1" }).WaitForAsync();
        await page.Locator("#alerts", new() { HasText = "New request (1)" }).WaitForAsync();
        Assert.True(await page.Locator("#queue-empty").IsHiddenAsync());
        Assert.Empty(session.ScriptErrors);
    }
}
