using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A counselor reading back in a long transcript stays where they read when the conversation is drawn again;
/// one who was at the newest line is kept there.</summary>
public sealed class TranscriptScrollBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in Chromium: Maja scrolled up to read how a person's request began; the person wrote again and the
    /// transcript jumped to its end, at each new line (and every 5 s while a reply of hers was still pending).</summary>
    [Fact]
    public async Task A_new_line_from_the_person_keeps_the_counselor_where_she_reads()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "s-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "FIRST-LINE my landlord threw me out", Ct);
        for (var line = 2; line <= 20; line++)
        {
            await host.Queue.RelayUserMessageAsync(ticket.RequestId, $"line {line} of what happened", Ct);
        }

        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "housing");
        await page.Locator("#reply-text:focus").WaitForAsync();
        var transcript = page.Locator("#transcript");
        Assert.True(await transcript.EvaluateAsync<bool>("t => t.scrollHeight > t.clientHeight + 200"), "the transcript should scroll");

        await transcript.EvaluateAsync("t => { t.scrollTop = 0; }");
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "line 21 are you there", Ct);
        await page.Locator("#transcript li", new() { HasText = "line 21" }).WaitForAsync();
        Assert.Equal(0, await transcript.EvaluateAsync<double>("t => t.scrollTop"));
        Assert.True(await page.Locator("#transcript li", new() { HasText = "FIRST-LINE" }).IsVisibleAsync());

        await transcript.EvaluateAsync("t => { t.scrollTop = t.scrollHeight; }");
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "line 22 hello?", Ct);
        await page.Locator("#transcript li", new() { HasText = "line 22" }).WaitForAsync();
        Assert.True(await transcript.EvaluateAsync<bool>("t => t.scrollHeight - t.scrollTop - t.clientHeight < 2"), "the newest line should stay in view");
        Assert.Empty(session.ScriptErrors);
    }
}
