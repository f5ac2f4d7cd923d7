using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The row of suggested actions on a 390 px phone (ten categories after /menu): the arrows at its ends never cover a
/// button's words, and the arrow keys move the way they point, right-to-left in Arabic too.
/// </summary>
public sealed class CarouselJourneyTests
{
    // Each shown arrow (the round flipper) against the words of every button, as far as the row shows them:
    // "arrow text" for each overlap.
    private const string Covered = """
        () => {
          const strip = document.querySelector('.webchat__suggested-actions .react-film__filmstrip').getBoundingClientRect();
          const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom && b.top < a.bottom;
          const covered = [];
          for (const arrow of document.querySelectorAll('.webchat__suggested-actions .react-film__flipper__body')) {
            const style = getComputedStyle(arrow.closest('.react-film__flipper__slider'));
            const a = arrow.getBoundingClientRect();
            if (style.visibility === 'hidden' || style.display === 'none' || a.right <= 0 || a.left >= innerWidth) { continue; }
            for (const text of document.querySelectorAll('.webchat__suggested-actions .webchat__suggested-action__text')) {
              const range = document.createRange();
              range.selectNodeContents(text);
              for (const r of range.getClientRects()) {
                const shown = { left: Math.max(r.left, strip.left), right: Math.min(r.right, strip.right), top: r.top, bottom: r.bottom };
                if (shown.left < shown.right && overlaps(a, shown)) { covered.push(arrow.textContent + ' ' + text.textContent); }
              }
            }
          }
          return covered;
        }
        """;

    // The row at rest: react-film scrolls smoothly after a tap on an arrow.
    private const string AtRest = """
        () => {
          const left = document.querySelector('.webchat__suggested-actions .react-film__filmstrip').scrollLeft;
          const last = window.__rowRest || { left: NaN, polls: 0 };
          window.__rowRest = { left, polls: last.left === left ? last.polls + 1 : 0 };
          return window.__rowRest.polls >= 5;
        }
        """;

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task The_arrows_cover_no_words_of_the_category_buttons_wherever_the_row_is(string language)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await MenuAsync(browser, host, language, "carousel-arrows-" + language);
        await chat.UntilAsync(AtRest);
        await chat.ShotAsync("start");
        var covered = await chat.Page.EvaluateAsync<string[]>(Covered);
        Assert.True(covered.Length == 0, $"at the start the arrows cover: {string.Join(", ", covered)}");

        // Onwards with the arrow that points the way the row goes on: left in Arabic, right otherwise.
        var onwards = chat.Page.Locator(".webchat__suggested-actions .react-film__flipper--" + (language == "ar" ? "left" : "right"));
        for (var tap = 1; tap <= 3; tap++)
        {
            var before = await chat.Page.EvaluateAsync<double>("() => document.querySelector('.webchat__suggested-actions .react-film__filmstrip').scrollLeft");
            await onwards.ClickAsync(new() { Timeout = ChatPage.Timeout });
            await chat.UntilAsync("b => document.querySelector('.webchat__suggested-actions .react-film__filmstrip').scrollLeft !== b", before);
            await chat.Page.Mouse.MoveAsync(5, 5);
            await chat.UntilAsync(AtRest);
            await chat.ShotAsync("onwards-" + tap);
            covered = await chat.Page.EvaluateAsync<string[]>(Covered);
            Assert.True(covered.Length == 0, $"after {tap} taps the arrows cover: {string.Join(", ", covered)}");
        }
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task The_arrow_keys_move_between_buttons_the_way_they_point(string language)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await MenuAsync(browser, host, language, "carousel-keys-" + language);
        var buttons = chat.Page.Locator(".webchat__suggested-actions .webchat__suggested-action");
        // From the second button, so that neither key goes round the end of the row.
        await buttons.Nth(1).FocusAsync();
        await chat.Page.Keyboard.PressAsync("ArrowLeft");
        var afterLeft = await FocusedAsync(chat);
        await chat.Page.Keyboard.PressAsync("ArrowRight");
        await chat.Page.Keyboard.PressAsync("ArrowRight");
        var afterRight = await FocusedAsync(chat);
        await chat.ShotAsync("keys");

        // Where the two buttons are now, side by side on the screen.
        var centers = await chat.Page.EvaluateAsync<double[]>("""
            ([l, r]) => [l, r].map(i => { const b = document.querySelectorAll('.webchat__suggested-actions .webchat__suggested-action')[i].getBoundingClientRect(); return (b.left + b.right) / 2; })
            """, new[] { afterLeft, afterRight });
        Assert.True(afterLeft != 1 && afterRight != 1 && centers[0] < centers[1],
            $"from button 1, ArrowLeft went to button {afterLeft} (centre {centers[0]:0} px), ArrowRight twice to button {afterRight} (centre {centers[1]:0} px)");
    }

    private static Task<int> FocusedAsync(ChatPage chat) => chat.Page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('.webchat__suggested-actions .webchat__suggested-action')].indexOf(document.activeElement)");

    private static async Task<ChatPage> MenuAsync(BrowserSession browser, HostProcess host, string language, string journey)
    {
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=" + language), journey);
        await chat.AcceptPrivacyAsync(language);
        await chat.SayAsync("/menu");
        await chat.BotSaysAsync(Strings.Get(language, "menu.prompt")[..6]);
        await chat.Page.Locator(".webchat__suggested-action").Nth(9).WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = ChatPage.Timeout });
        // Away from the row: a phone has no pointer resting over it.
        await chat.Page.Mouse.MoveAsync(5, 5);
        return chat;
    }
}
