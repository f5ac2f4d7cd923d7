using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat;

/// <summary>The municipality's chat page in real Chromium with the official Web Chat bundle.</summary>
public sealed partial class WebChatBrowserTests
{
    [Fact]
    public async Task Arabic_user_gets_a_right_to_left_answer_and_can_press_a_suggested_action()
    {
        await using var host = await HostProcess.StartAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 420, Height = 860 } });
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.ClickAsync("button[data-lang=ar]");

        // The picker already chose Arabic, so the bot opens with the privacy notice in Arabic and Accept first.
        var accept = page.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("ar", "privacy.accept") });
        await accept.First.WaitForAsync(new() { Timeout = 60_000 });
        await accept.First.ClickAsync();
        // Like a person who reads the reply: on a busy machine a question typed at once can overtake the Accept (two
        // requests), and the Accept's reply then comes after the answer and hides its feedback buttons.
        var accepted = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = Strings.Get("ar", "privacy.accepted") });
        await accepted.First.WaitForAsync(new() { Timeout = 60_000 });

        var input = page.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync("كيف افتح حساب بنكي");
        await input.PressAsync("Enter");

        var answer = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasTextRegex = BankWord() });
        await answer.Last.WaitForAsync(new() { Timeout = 60_000 });
        var direction = await answer.Last.EvaluateAsync<string>("e => getComputedStyle(e).direction");
        Assert.Equal("rtl", direction);
        Assert.Matches(ArabicLetters(), await answer.Last.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-arabic-answer.png") });

        var helpful = page.Locator(".webchat__suggested-action", new() { HasText = "👍" });
        await helpful.First.ClickAsync(new() { Timeout = 60_000 });
        var thanks = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = Strings.Get("ar", "feedback.thanks") });
        await thanks.First.WaitForAsync(new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-arabic-feedback.png") });
    }

    [GeneratedRegex("بنك|البنك|حساب")]
    private static partial Regex BankWord();

    [GeneratedRegex("[\u0600-\u06FF]{3,}")]
    private static partial Regex ArabicLetters();
}
