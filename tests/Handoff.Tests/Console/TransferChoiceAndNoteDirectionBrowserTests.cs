using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// Two things a counselor met in the console: the transfer box was free text, so a colleague's name had to be known and
/// spelled right with nothing saying who was online; and an Arabic note that began with a Latin name ("Omar …") was laid
/// out left to right, since the browser's own choice goes by the first letter.
/// </summary>
public sealed class TransferChoiceAndNoteDirectionBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_transfer_box_offers_each_colleague_with_whether_they_are_online_and_their_languages()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        await session.AddCounselorAsync("Ana", "sl", "hbs");
        await session.AddCounselorAsync("Leila", "ar", "en");
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "t-1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        await session.LoginAsync("Leila");
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "housing");

        await page.FocusAsync("#transfer-counselor");
        var options = page.Locator("#transfer-colleagues option");
        await options.Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var offered = await options.EvaluateAllAsync<string[]>("os => os.map(o => `${o.value}: ${o.label}`)");

        // Online first, the counselor herself not among them.
        Assert.Equal(["Leila: online · ar, en", "Ana: offline · sl, hbs"], offered);
        Assert.Equal("transfer-colleagues", await page.GetAttributeAsync("#transfer-counselor", "list"));
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task An_arabic_note_or_line_that_begins_with_a_latin_name_reads_right_to_left()
    {
        const string Note = "Omar يحتاج إلى موعد في المدرسة يوم الاثنين";
        const string Line = "Omar ابني يحتاج إلى مدرسة";
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar", "sl");
        // A Slovenian conversation in which the person writes Arabic: the line's own letters decide, not the language's.
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "n-1", "u1", "{}"), "sl", "school", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, Line, Ct);
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "school");

        await page.FillAsync("#note-text", Note);
        await page.ClickAsync("#note-form button");
        await page.Locator("#notes li", new() { HasText = "المدرسة" }).WaitForAsync();

        Assert.Equal("rtl", await DirectionAsync(page, "#notes li span", "المدرسة"));
        var line = page.Locator("#transcript li.user", new() { HasText = "ابني" });
        await line.WaitForAsync();
        Assert.Equal("rtl", await DirectionAsync(page, "#transcript li.user", "ابني"));

        // A Latin note with an Arabic name in it stays left to right.
        await page.FillAsync("#note-text", "Called the school about أحمد");
        await page.ClickAsync("#note-form button");
        var latin = page.Locator("#notes li span", new() { HasText = "Called the school" });
        await latin.WaitForAsync();
        Assert.Equal("ltr", await DirectionAsync(page, "#notes li span", "Called the school"));
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task In_an_arabic_conversation_a_command_or_a_date_keeps_its_own_order()
    {
        // Forced right to left, "/counselor" read "counselor/" in the transcript and in the queue's last message.
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c-1", "u1", "{}"), "ar", "work", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "أحتاج عملا", Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, "/counselor", Ct);
        var page = await session.LoginAsync("Maja");

        var preview = page.Locator("#queue-rows td", new() { HasText = "/counselor" });
        await preview.WaitForAsync();
        Assert.Equal("ltr", await DirectionAsync(page, "#queue-rows td", "/counselor"));

        await ConsoleBrowserSession.TakeAsync(page, "work");
        var command = page.Locator("#transcript li.user", new() { HasText = "/counselor" });
        await command.WaitForAsync();
        Assert.Equal("ltr", await DirectionAsync(page, "#transcript li.user", "/counselor"));
        Assert.Equal("rtl", await DirectionAsync(page, "#transcript li.user", "أحتاج"));
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>
    /// The direction of the first element matching <paramref name="selector"/> that shows <paramref name="text"/>, read
    /// in one evaluation: the live stream redraws the transcript and the queue, and an element found in one step and read
    /// in the next may be a detached one (whose computed direction is empty).
    /// </summary>
    private static Task<string> DirectionAsync(IPage page, string selector, string text) => page.EvaluateAsync<string>(
        "([selector, text]) => { const e = [...document.querySelectorAll(selector)].find(x => x.textContent.includes(text)); return e ? getComputedStyle(e).direction : 'missing'; }",
        new[] { selector, text });
}
