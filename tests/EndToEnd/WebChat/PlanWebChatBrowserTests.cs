using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat;

/// <summary>"My first steps" in the real web chat on a phone-sized Chromium: the plan is there again when the person comes back.</summary>
public sealed class PlanWebChatBrowserTests
{
    private const int Deadline = 60_000;

    [Fact]
    public async Task A_person_who_comes_back_to_the_web_chat_sees_their_plan()
    {
        // Back at once: a real return is an hour or more away (PlanOptions.ShowOnReturnAfter), which a test does not wait for.
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["IntegrationBot__Plan__ShowOnReturnAfter"] = "00:00:00" });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.ClickAsync("button[data-lang=en]");
        await PressAsync(page, Strings.Get("en", "privacy.accept"));
        await BotSaysAsync(page, Strings.Get("en", "privacy.accepted"));

        await PressAsync(page, Strings.Get("en", "plan.menuButton"));
        await PressAsync(page, Strings.Get("en", "plan.origin.western-balkans"));
        await PressAsync(page, Strings.Get("en", "plan.purpose.work"));
        await PressAsync(page, Strings.Get("en", "plan.arrival.today"));
        await PressAsync(page, Strings.Get("en", "plan.children.6-15"));
        await PressAsync(page, Strings.Get("en", "plan.thatsAll"));
        await PressAsync(page, Strings.Get("en", "plan.has.none"));
        await BotSaysAsync(page, "Enrol your child in primary school");
        var shownBefore = await Checklists(page).CountAsync();

        await page.ReloadAsync();

        // The conversation is resumed: its history comes back, and the bot shows the plan once more below it.
        await Checklists(page).Nth(shownBefore).WaitForAsync(new() { Timeout = Deadline });
        Assert.Contains("Register your address", await Checklists(page).Last.InnerTextAsync());
        await page.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("en", "plan.doneButton") }).First.WaitForAsync(new() { Timeout = Deadline });
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-plan-after-return.png") });
    }

    private static ILocator Checklists(IPage page) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = Strings.Get("en", "plan.checklist") });

    private static async Task PressAsync(IPage page, string title)
    {
        var button = page.Locator(".webchat__suggested-action", new() { HasText = title });
        await button.Last.WaitForAsync(new() { Timeout = Deadline });
        await button.Last.ClickAsync();
        await page.Locator(".webchat__bubble--from-user", new() { HasText = title }).Last.WaitForAsync(new() { Timeout = Deadline });
    }

    private static Task BotSaysAsync(IPage page, string text) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = text }).Last.WaitForAsync(new() { Timeout = Deadline });
}
