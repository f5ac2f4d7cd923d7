using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>On a 390×844 phone the conversation gets the screen: a slim header and compact suggested actions.</summary>
public sealed class PhoneLayoutJourneyTests
{
    [Fact]
    public async Task After_the_first_choice_the_header_and_the_category_buttons_stay_small()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, "phone-layout");
        var landingHeader = await HeightAsync(chat, "header.top");
        await chat.Page.ClickAsync("header button[data-lang=en]");
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("/menu");
        await chat.BotSaysAsync(Strings.Get("en", "menu.prompt")[..15]);
        await chat.Page.Locator(".webchat__suggested-action").Nth(9).WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = ChatPage.Timeout });
        await chat.ShotAsync("menu");

        var header = await HeightAsync(chat, "header.top");
        var actions = await HeightAsync(chat, ".webchat__suggested-actions");
        Assert.True(header <= 44, $"header {header} px after the first choice (landing: {landingHeader} px)");
        Assert.True(actions <= 844 / 8, $"ten category buttons take {actions} px");
    }

    // Seen at 390 px: after choosing Arabic (or hbs), its button stood past the end of the one-line row, cut off, so
    // the page did not show which language was on.
    [Theory]
    [InlineData("ar")]
    [InlineData("hbs")]
    public async Task The_chosen_language_button_is_in_view_in_the_slim_header(string language)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, $"phone-language-{language}");
        await chat.Page.ClickAsync($"header button[data-lang={language}]");
        await chat.AcceptPrivacyAsync(language);

        var row = await chat.Page.Locator("header .languages").BoundingBoxAsync();
        var button = await chat.Page.Locator($"header button[data-lang={language}]").BoundingBoxAsync();
        await chat.ShotAsync("language-row");
        // Within a pixel: the row scrolls by whole pixels.
        Assert.True(button!.X >= row!.X - 1 && button.X + button.Width <= row.X + row.Width + 1,
            $"button {button.X}–{button.X + button.Width} px, row {row.X}–{row.X + row.Width} px");
    }

    private static Task<double> HeightAsync(ChatPage chat, string selector) =>
        chat.Page.Locator(selector).First.EvaluateAsync<double>("e => e.getBoundingClientRect().height");
}
