using IntegrationBot.EndToEnd.Support;
using IntegrationBot.EndToEnd.WebChat.Journeys;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>The start of the reply box's and the transcript's browser tests: a person on a phone asks for a counselor in
/// the English web chat, and the counselor takes the request on a console page and may reply.</summary>
internal static class ConsoleConversation
{
    public const float Patience = 90_000;

    public static async Task<ChatPage> PersonAsksForCounselorAsync(ConsoleBrowserSession session, string journey)
    {
        var person = await ChatPage.OpenAsync(session.Browser, new Uri(session.Host.BaseAddress, "/?lang=en"), journey);
        await person.AcceptPrivacyAsync("en");
        await person.SayAsync("I want to talk to a person please");
        await person.BotSaysAsync("number 1 in line");
        return person;
    }

    /// <summary>Takes the web chat request on <paramref name="console"/> and waits until the reply box is the counselor's.</summary>
    public static async Task TakeAsync(IPage console)
    {
        var row = console.Locator("#queue-rows tr", new() { HasText = "webchat" });
        await row.WaitForAsync(new() { Timeout = Patience });
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        await console.Locator("#reply-text:not([disabled]):focus").WaitForAsync(new() { Timeout = Patience });
    }

    public static Task ShotAsync(IPage console, string name) =>
        console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = true });
}
