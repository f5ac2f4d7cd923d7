using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A transfer to the counselor and a held conversation turning into an emergency alert only through the live
/// stream: when either came while the stream was lost, redrawing the view on reconnection showed no alert, no title and
/// no sound. When the stream is back, the console tells what it missed, and only that.</summary>
public sealed class StreamReconnectAlertsBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_transferred_while_the_stream_was_lost_alerts_when_it_is_back()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en");
        await session.AddCounselorAsync("Luka", "en");
        // Luka's own conversation, taken before: no news, then or later.
        var own = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "own", "o1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(own.RequestId, "Luka", Ct);
        var handed = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "handed", "h1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(handed.RequestId, "Maja", Ct);
        var taken = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("viber", "taken", "t1", "{}"), "en", "health", HandoffReason.AskedForHuman), Ct);
        var page = await session.NewPageAsync();
        var drop = await StreamDrop.RouteAsync(page);

        await LogInWhileTheStreamIsLostAsync(session, page, "Luka", drop);
        await host.Queue.ClaimAsync(taken.RequestId, "Luka", Ct); // as from another tab of his: taken, not handed to him
        Assert.True((await host.Queue.TransferToCounselorAsync(handed.RequestId, "Maja", "Luka", Ct)).Succeeded);
        drop.Release();

        await page.Locator("#live.on").WaitForAsync();
        await page.Locator("#alerts[data-sound=played]", new() { HasText = "A conversation was transferred to you" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => document.title.startsWith('(→1) ')");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task A_held_conversation_that_became_an_emergency_while_the_stream_was_lost_alerts_when_it_is_back()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Besa", "en");
        var address = new ConversationAddress("telegram", "3001", "3001", "{}");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(address, "en", "work", HandoffReason.AskedForHuman), Ct);
        await host.Queue.ClaimAsync(ticket.RequestId, "Besa", Ct);
        var page = await session.NewPageAsync();
        var drop = await StreamDrop.RouteAsync(page);

        await LogInWhileTheStreamIsLostAsync(session, page, "Besa", drop);
        // "My husband is hitting me right now", written mid-chat: the open request's priority is raised.
        await host.Queue.EnqueueAsync(new HandoffDraft(address, "en", "violence-help", HandoffReason.Emergency), Ct);
        drop.Release();

        await page.Locator("#live.on").WaitForAsync();
        await page.Locator("#alerts[data-sound=played]", new() { HasText = "A conversation you hold is now an emergency" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => document.title.includes('🚨')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "console-emergency-after-reconnect.png") });
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>Logs in and waits until the console has looked at what the counselor holds, with the stream lost and its
    /// reconnection held: what happens next reaches no stream of this page.</summary>
    private static async Task LogInWhileTheStreamIsLostAsync(ConsoleBrowserSession session, IPage page, string name, StreamDrop drop)
    {
        await session.OpenConsoleAsync(page);
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", ConsoleBrowserSession.PasswordOf(name));
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#queue-view:not([hidden])").WaitForAsync();
        await page.WaitForFunctionAsync("() => state.held !== null");
        await drop.Reconnecting.WaitAsync(TimeSpan.FromSeconds(90), Ct);
    }

    /// <summary>The first stream says "ready" and ends, as a dropped connection does; the browser's reconnection waits
    /// for <see cref="Release"/>.</summary>
    private sealed class StreamDrop
    {
        private readonly TaskCompletionSource _reconnecting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _streams;

        public Task Reconnecting => _reconnecting.Task;

        public void Release() => _released.TrySetResult();

        public static async Task<StreamDrop> RouteAsync(IPage page)
        {
            var drop = new StreamDrop();
            await page.RouteAsync("**/api/handoffs/stream", async route =>
            {
                if (Interlocked.Increment(ref drop._streams) == 1)
                {
                    await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = "retry: 100\n\nevent: ready\ndata: {}\n\n" });
                    return;
                }

                drop._reconnecting.TrySetResult();
                await drop._released.Task;
                await route.ContinueAsync();
            });
            return drop;
        }
    }
}
