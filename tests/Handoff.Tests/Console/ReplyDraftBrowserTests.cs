using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The reply box belonged to no conversation: words typed for one person were still in it when the counselor
/// opened another person's conversation, one click from reaching the wrong person. Each conversation keeps its own draft.</summary>
public sealed class ReplyDraftBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_stays_with_its_conversation_and_never_shows_in_another()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Ana", "en");
        var page = await session.LoginAsync("Ana");
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "a-1", "a-1", "{}"), "en", "doctor", HandoffReason.AskedForHuman), Ct);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("viber", "b-1", "b-1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);

        await TakeAsync(page, "telegram");
        await page.FillAsync("#reply-text", "DRAFT-FOR-A");
        await page.ClickAsync("button[data-view=queue]");
        await TakeAsync(page, "viber");
        Assert.Equal("", await page.InputValueAsync("#reply-text"));

        await page.ClickAsync("button[data-view=active]");
        await page.Locator("#active-rows tr", new() { HasText = "telegram" }).ClickAsync();
        await page.Locator("#conv-title", new() { HasText = "telegram" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#reply-text').value === 'DRAFT-FOR-A'");
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>After Take the conversation view opens at once and the reply box can be typed in before the conversation
    /// is drawn (a busy machine, a slow network); the drawing then put the taken conversation's draft (none) in the box
    /// and the words were gone, kept meanwhile as the draft of the conversation open before.</summary>
    [Fact]
    public async Task Words_typed_after_take_before_the_conversation_is_drawn_stay_in_the_box_as_its_draft()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Ana", "en");
        var page = await session.LoginAsync("Ana");
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "a-1", "a-1", "{}"), "en", "doctor", HandoffReason.AskedForHuman), Ct);
        var second = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("viber", "b-1", "b-1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        await TakeAsync(page, "telegram");
        await page.FillAsync("#reply-text", "DRAFT-FOR-A");
        await page.ClickAsync("button[data-view=queue]");

        // Every read of the second conversation waits until the counselor has typed.
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var typed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync($"**/api/handoffs/{second.RequestId}", async route =>
        {
            asked.TrySetResult();
            await typed.Task;
            await route.ContinueAsync();
        });
        var row = page.Locator("#queue-rows tr", new() { HasText = "viber" });
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        await page.Locator("#reply-text").PressSequentiallyAsync("TYPED-BEFORE-DRAW");
        typed.TrySetResult();

        await page.Locator("#conv-title", new() { HasText = "viber" }).WaitForAsync();
        await page.Locator("#conv-status", new() { HasText = "active – Ana" }).WaitForAsync();
        Assert.Equal("TYPED-BEFORE-DRAW", await page.InputValueAsync("#reply-text"));

        await page.ClickAsync("button[data-view=active]");
        await page.Locator("#active-rows tr", new() { HasText = "telegram" }).ClickAsync();
        await page.Locator("#conv-title", new() { HasText = "telegram" }).WaitForAsync();
        Assert.Equal("DRAFT-FOR-A", await page.InputValueAsync("#reply-text"));
        Assert.Empty(session.ScriptErrors);
    }

    private static async Task TakeAsync(IPage page, string channel)
    {
        await ConsoleBrowserSession.TakeAsync(page, channel);
        await page.Locator("#conv-title", new() { HasText = channel }).WaitForAsync();
    }
}
