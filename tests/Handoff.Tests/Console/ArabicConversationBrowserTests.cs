using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>An Arabic conversation in the console: right to left in the transcript, the reply box and the canned
/// responses, Latin names (a school, a street) intact, and a canned response that adds to what the counselor wrote.</summary>
public sealed class ArabicConversationBrowserTests
{
    private const string Question = "اسمي Ahmed Al-Hassan، ابني Omar في مدرسة OŠ Miroslava Vilharja";
    private const string Address = "مكتب Starting Point في Ljubljanska cesta 4، Postojna.";
    private const string Hours = "ساعات العمل من 8:00 إلى 15:00.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seen in the console: Maja typed the person's name, then chose a canned response with the arrow keys,
    /// and each arrow press replaced everything in the reply box with a canned text; her words were gone.</summary>
    [Fact]
    public async Task A_canned_response_chosen_after_typing_keeps_the_counselors_words_right_to_left()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Maja", "en", "ar");
        var canned = host.Services.GetRequiredService<ICannedResponseStore>();
        await canned.SaveAsync(new CannedResponse("c1", "ar", "Office address", Address, DateTimeOffset.UtcNow), Ct);
        await canned.SaveAsync(new CannedResponse("c2", "ar", "Office hours", Hours, DateTimeOffset.UtcNow), Ct);
        await canned.SaveAsync(new CannedResponse("c3", "en", "Greeting", "Hello", DateTimeOffset.UtcNow), Ct);
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "ar-1", "u1", "{}"), "ar", "school", HandoffReason.AskedForHuman), Ct);
        await host.Queue.RelayUserMessageAsync(ticket.RequestId, Question, Ct);
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "school");

        await page.Locator("#transcript li.user", new() { HasText = "Ahmed" }).WaitForAsync();
        Assert.Equal(["rtl", Question], await LineAsync(page, "li.user"));
        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("#reply-text", "t => getComputedStyle(t).direction"));
        // The office's own two first (Latin titles sort before Arabic), then the install's five Arabic defaults; no English.
        var titles = (await page.Locator("#canned-pick option").AllTextContentsAsync()).Skip(1).ToList();
        Assert.Equal(["Office address", "Office hours"], titles.Take(2).Select(o => o.Split(" · ")[1]));
        Assert.Equal(7, titles.Count);
        Assert.All(titles, o => Assert.StartsWith("ar · ", o, StringComparison.Ordinal));

        await page.FocusAsync("#reply-text");
        await page.Keyboard.TypeAsync("Ahmed،");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal($"Ahmed، {Hours}", await page.InputValueAsync("#reply-text"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal($"Ahmed، {Address}", await page.InputValueAsync("#reply-text"));

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#transcript li.counselor", new() { HasText = "Ljubljanska" }).WaitForAsync();
        Assert.Equal(["rtl", $"Ahmed، {Address}"], await LineAsync(page, "li.counselor"));
        Assert.Contains($"ar-1 message from Maja: Ahmed، {Address}", host.Messenger.Sent);

        // An Arabic note after the counselor's Latin name keeps its own direction, the school's name in its place.
        await page.FillAsync("#note-text", "أحمد سيحضر رسالة من OŠ Miroslava Vilharja يوم الاثنين");
        await page.ClickAsync("#note-form button");
        await page.Locator("#notes li", new() { HasText = "Vilharja" }).WaitForAsync();
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#notes li span')).direction"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "console-arabic-canned.png"), FullPage = true });
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>The direction and the words of the transcript's last line of a kind, read at once (a live update may
    /// redraw the transcript between two reads).</summary>
    private static Task<string[]> LineAsync(IPage page, string kind) => page.EvaluateAsync<string[]>(
        "kind => { const all = document.querySelectorAll(`#transcript ${kind}`); const li = all[all.length - 1]; return [getComputedStyle(li).direction, li.querySelectorAll('span')[1].textContent]; }",
        kind);
}
