using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The chat page on a phone (390×844) as a person uses it: read the bot's bubbles, type, tap buttons; every step waits
/// on what the page shows with a generous deadline (a busy 2-core CI machine), never on elapsed time.
/// </summary>
internal sealed class ChatPage(IPage page, string journey)
{
    public const float Timeout = 90_000;
    private int _shot;

    public IPage Page { get; } = page;

    public ILocator BotBubbles => Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");

    public ILocator UserBubbles => Page.Locator(".webchat__bubble.webchat__bubble--from-user");

    public ILocator Input => Page.Locator("[data-id=webchat-sendbox-input]");

    public static async Task<ChatPage> OpenAsync(IBrowser browser, Uri url, string journey)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        await page.GotoAsync(url.ToString());
        return new ChatPage(page, journey);
    }

    public Task BotSaysAsync(string fragment) => BotBubbles.Filter(new() { HasText = fragment }).First.WaitForAsync(new() { Timeout = Timeout });

    public Task ShowsAsync(string fragment) => Page.Locator("#webchat").GetByText(fragment, new() { Exact = false }).First.WaitForAsync(new() { Timeout = Timeout });

    public async Task SayAsync(string text)
    {
        await Input.WaitForAsync(new() { Timeout = Timeout });
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
        await UserBubbles.Filter(new() { HasText = text }).Last.WaitForAsync(new() { Timeout = Timeout });
    }

    public async Task PressAsync(string title)
    {
        var button = Page.Locator(".webchat__suggested-action", new() { HasText = title }).First;
        await button.WaitForAsync(new() { Timeout = Timeout });
        await button.ClickAsync(new() { Timeout = Timeout });
    }

    /// <summary>Accepts the privacy notice and waits for the bot to confirm, as a person reads before typing.</summary>
    public async Task AcceptPrivacyAsync(string language)
    {
        await PressAsync(Strings.Get(language, "privacy.accept"));
        await BotSaysAsync(Strings.Get(language, "privacy.accepted")[..20]);
    }

    public Task UntilAsync(string condition, object? arg = null) =>
        Page.WaitForFunctionAsync(condition, arg, new() { Timeout = Timeout, PollingInterval = 100 });

    /// <summary>A numbered screenshot under the test output folder (screenshots/JOURNEY/NN-step.png) for a person to look at.</summary>
    public async Task ShotAsync(string step)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", journey)).FullName;
        _shot++;
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{_shot:00}-{step}.png") });
    }
}
