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

    private static async Task TakeAsync(IPage page, string channel)
    {
        await ConsoleBrowserSession.TakeAsync(page, channel);
        await page.Locator("#conv-title", new() { HasText = channel }).WaitForAsync();
    }
}
