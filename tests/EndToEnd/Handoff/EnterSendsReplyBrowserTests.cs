using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>
/// Counselors used to chat tools pressed Enter in the reply box and wondered why nothing was sent (it added a line).
/// Enter sends, Shift+Enter starts a new line, an Enter that only ends an IME composition sends nothing, and a hint next
/// to the box says so (in Slovenian to a Slovenian browser, as the console's other strings). Tab still reaches Send.
/// </summary>
public sealed class EnterSendsReplyBrowserTests
{
    [Fact]
    public async Task Enter_sends_the_reply_and_Shift_Enter_starts_a_new_line()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en");
        var console = await session.OpenConsoleAsync(forAxe: true);
        var person = await ConsoleConversation.PersonAsksForCounselorAsync(session, "enter-sends");
        await ConsoleConversation.TakeAsync(console);

        // The hint beside the box, and read with it by a screen reader.
        Assert.Equal("Enter sends, Shift+Enter adds a new line.", await console.InnerTextAsync("#reply-hint"));
        Assert.True(await console.IsVisibleAsync("#reply-hint"));
        Assert.Equal("reply-hint", await console.GetAttributeAsync("#reply-text", "aria-describedby"));

        await console.Keyboard.TypeAsync("Hello, I am Maja.");
        await console.Keyboard.PressAsync("Shift+Enter");
        await console.Keyboard.TypeAsync("Which documents do you have");
        // The Enter that chooses a word in an input method (Chinese, Japanese) only ends the composition.
        await console.Locator("#reply-text").DispatchEventAsync("keydown", new { key = "Enter", code = "Enter", isComposing = true, bubbles = true, cancelable = true });
        await console.Keyboard.TypeAsync("?");
        await ConsoleConversation.ShotAsync(console, "console-reply-enter-hint-en");
        await Axe.AssertNoViolationsAsync(console);
        await console.Keyboard.PressAsync("Enter");

        await person.BotSaysAsync("Which documents do you have?");
        var sent = console.Locator("#transcript li.counselor");
        await sent.Filter(new() { HasText = "Which documents" }).WaitForAsync();
        Assert.Equal(1, await sent.CountAsync());
        Assert.Equal("Hello, I am Maja.\nWhich documents do you have?", await console.TextContentAsync("#transcript li.counselor > span:nth-child(2)"));
        await console.Locator("#reply-text:focus").WaitForAsync();
        Assert.Equal("", await console.InputValueAsync("#reply-text"));

        // A keyboard user still reaches Send with Tab.
        await console.Keyboard.TypeAsync("Bring them on Monday.");
        await console.Keyboard.PressAsync("Tab");
        Assert.Equal("send", await console.EvaluateAsync<string>("() => document.activeElement.id"));
        await console.Keyboard.PressAsync("Enter");
        await person.BotSaysAsync("Bring them on Monday.");

        var slovenian = await session.OpenConsoleAsync(locale: "sl-SI");
        await slovenian.ClickAsync("button[data-view=active]");
        await slovenian.Locator("#active-rows tr", new() { HasText = "webchat" }).ClickAsync();
        // The box is enabled before any conversation is drawn: on a busy machine the picture showed an empty one.
        await slovenian.Locator("#conv-status", new() { HasText = "Maja" }).WaitForAsync();
        await slovenian.Locator("#transcript li.counselor", new() { HasText = "Bring them on Monday." }).WaitForAsync();
        await slovenian.Locator("#reply-text:not([disabled])").WaitForAsync();
        Assert.Equal("Enter pošlje, Shift+Enter doda novo vrstico.", await slovenian.InnerTextAsync("#reply-hint"));
        await ConsoleConversation.ShotAsync(slovenian, "console-reply-enter-hint-sl");
    }
}
