using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A transfer to a language nobody online speaks leaves the person waiting for someone who is not there: the
/// console says so first, as it does for a colleague who is offline.</summary>
public sealed class LanguageTransferBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in the console: Maja transferred an Arabic conversation to Slovenian; only Ana speaks it and she
    /// had not opened the console, yet the transfer went through without a word and the person was told their request
    /// was passed on.</summary>
    [Fact]
    public async Task A_transfer_to_a_language_nobody_online_speaks_asks_first()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        await session.AddCounselorAsync("Ana", "en", "sl");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "l-1", "u1", "{}"), "ar", "work", HandoffReason.AskedForHuman), Ct);
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "work");
        var warned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            warned.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.SelectOptionAsync("#transfer-language", "sl");
        await page.ClickAsync("#transfer-form button[type=submit]");

        var message = await warned.Task.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        Assert.Contains("Nobody online speaks sl", message, StringComparison.Ordinal);
        Assert.Equal("Maja", (await host.Queue.GetAsync(ticket.RequestId, Ct))!.AssignedCounselor);
        Assert.Equal("sl", await page.InputValueAsync("#transfer-language"));
        Assert.Empty(session.ScriptErrors);
    }
}
