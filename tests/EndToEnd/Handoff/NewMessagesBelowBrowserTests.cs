using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>
/// A counselor reading back in the transcript stays where she reads when the person writes again (5b053bc), but nothing
/// showed that there was something new below. A "New messages below" button, announced politely, takes her to the end
/// and goes; it also goes when she scrolls down herself. A counselor at the end keeps following it, with no button.
/// </summary>
public sealed class NewMessagesBelowBrowserTests
{
    private const string AtEnd = "t => t.scrollHeight - t.scrollTop - t.clientHeight < 2";

    [Fact]
    public async Task A_counselor_reading_back_is_shown_new_messages_below_and_one_at_the_end_keeps_following()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en");
        var console = await session.OpenConsoleAsync(forAxe: true);
        var errors = new List<string>();
        console.PageError += (_, error) => errors.Add(error);
        var person = await ConsoleConversation.PersonAsksForCounselorAsync(session, "new-messages-below");
        await ConsoleConversation.TakeAsync(console);
        for (var line = 1; line <= 10; line++)
        {
            await person.SayAsync($"Line {line}: my landlord says I must leave the flat by Friday and he keeps the deposit");
        }

        var transcript = console.Locator("#transcript");
        await Line(console, "Line 10:").WaitForAsync();
        Assert.True(await transcript.EvaluateAsync<bool>("t => t.scrollHeight > t.clientHeight + 200"), "the transcript should scroll");
        Assert.True(await transcript.EvaluateAsync<bool>(AtEnd), "a counselor at the end follows the new lines");
        var below = console.Locator("#new-lines button", new() { HasText = "New messages below" });
        Assert.Equal(0, await below.CountAsync());

        // Reading back: the new line does not move her, the button says it is there.
        await transcript.EvaluateAsync("t => { t.scrollTop = 0; }");
        await person.SayAsync("Line 11: are you there?");
        await Line(console, "Line 11:").WaitForAsync();
        await below.WaitForAsync();
        Assert.Equal(0, await transcript.EvaluateAsync<double>("t => t.scrollTop"));
        Assert.Equal("polite", await console.GetAttributeAsync("#new-lines", "aria-live"));
        await ConsoleConversation.ShotAsync(console, "console-new-messages-below");
        await Axe.AssertNoViolationsAsync(console);

        await below.ClickAsync();
        await below.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.True(await transcript.EvaluateAsync<bool>(AtEnd), "the button goes to the newest line");
        Assert.Equal("transcript", await console.EvaluateAsync<string>("() => document.activeElement.id"));

        // Scrolling down herself also takes it away.
        await transcript.EvaluateAsync("t => { t.scrollTop = 0; }");
        await person.SayAsync("Line 12: hello?");
        await below.WaitForAsync();
        await transcript.EvaluateAsync("t => { t.scrollTop = t.scrollHeight; }");
        await below.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // At the end she keeps following, and no button.
        await person.SayAsync("Line 13: thank you");
        await Line(console, "Line 13:").WaitForAsync();
        Assert.True(await transcript.EvaluateAsync<bool>(AtEnd), "the newest line should stay in view");
        Assert.Equal(0, await below.CountAsync());
        Assert.Empty(errors);
    }

    private static ILocator Line(IPage console, string text) => console.Locator("#transcript li.user", new() { HasText = text });
}
