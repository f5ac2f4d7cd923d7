using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>
/// A whole handoff in real Chromium against the real host: a migrant asks for a counselor in the web chat, a counselor
/// sees the request appear live in the console, takes it and replies; the migrant gets the reply; the counselor closes
/// and the migrant is asked for satisfaction.
/// </summary>
public sealed class CounselorHandoffBrowserTests
{
    [Fact]
    public async Task Web_chat_user_reaches_a_counselor_who_replies_from_the_console()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en,ar");
        var console = session.Console;

        var user = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 420, Height = 860 } });
        user.SetDefaultTimeout(90_000);
        try
        {
            await RunHandoffAsync(console, user, session.Host);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // Under CI load a step can time out; say what each side showed so the cause is visible in the report.
            var seen = await user.InnerTextAsync("body");
            var queue = await console.InnerTextAsync("body");
            throw new InvalidOperationException($"{e.Message}\n--- user page ---\n{seen}\n--- console ---\n{queue}", e);
        }
    }

    private static async Task RunHandoffAsync(IPage console, IPage user, HostProcess host)
    {
        await user.GotoAsync(new Uri(host.BaseAddress, "/?lang=en").ToString());
        await ClickSuggestedActionAsync(user, Strings.Get("en", "privacy.accept"));
        await SayAsync(user, "I want to talk to a person please");
        await BotSaysAsync(user, "number 1 in line");

        // The request appears in the console without a reload.
        var row = console.Locator("#queue-rows tr", new() { HasText = "webchat" });
        await row.WaitForAsync(new() { Timeout = 90_000 });
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "handoff-console-queue-en.png"), FullPage = true });
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        // The counselor sees what the person already wrote, including the message that asked for a human.
        await console.Locator("#transcript li.user", new() { HasText = "talk to a person" }).WaitForAsync(new() { Timeout = 90_000 });
        await BotSaysAsync(user, "Maja");

        await console.FillAsync("#reply-text", "Hello, I am Maja from the Starting Point office. How can I help?");
        await console.ClickAsync("#send");
        await BotSaysAsync(user, "How can I help?");

        await SayAsync(user, "I need help finding a flat");
        await console.Locator("#transcript li.user", new() { HasText = "finding a flat" }).WaitForAsync(new() { Timeout = 90_000 });
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "handoff-console-conversation-en.png"), FullPage = true });
        // Every control of the side panel stays inside it (the outcome list, with its long options, stood out of it).
        var panel = await console.Locator("aside.actions").BoundingBoxAsync();
        foreach (var control in await console.Locator("aside.actions select:visible, aside.actions input:visible, aside.actions textarea:visible").AllAsync())
        {
            var box = await control.BoundingBoxAsync();
            Assert.True(box!.X + box.Width <= panel!.X + panel.Width + 0.5, $"{await control.GetAttributeAsync("id")} ends at {box.X + box.Width}, the panel at {panel.X + panel.Width}");
        }


        await console.ClickAsync("#close-form button[type=submit]");
        await BotSaysAsync(user, Strings.Get("en", "handoff.satisfactionQuestion"));
        await user.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "handoff-webchat-user-en.png") });
        await ClickSuggestedActionAsync(user, "5");
        await BotSaysAsync(user, Strings.Get("en", "handoff.satisfactionThanks"));
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static Task BotSaysAsync(IPage page, string fragment) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = fragment }).First
            .WaitForAsync(new() { Timeout = 90_000 });

    private static async Task ClickSuggestedActionAsync(IPage page, string title)
    {
        var button = page.Locator(".webchat__suggested-action", new() { HasText = title }).First;
        await button.WaitForAsync(new() { Timeout = 90_000 });
        await button.ClickAsync();
    }
}
