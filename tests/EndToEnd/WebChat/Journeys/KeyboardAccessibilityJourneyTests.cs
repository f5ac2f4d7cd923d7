using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A person with only a keyboard (or a screen reader) walks the chat page on a phone: Tab to a language, Enter, Tab to
/// the privacy notice's Accept, type a question; axe-core finds nothing on the page at each stop. Found walking the page
/// with axe: the header's and the landing text's Bosnian/Croatian/Serbian had <c>lang="hbs"</c>, which no screen reader
/// knows (axe: valid-lang, serious), and once the chat ran the page's only heading was hidden from screen readers too
/// (page-has-heading-one).
/// </summary>
public sealed class KeyboardAccessibilityJourneyTests
{
    [Fact]
    public async Task With_the_keyboard_alone_an_Arabic_reader_chooses_accepts_and_asks_and_axe_finds_nothing()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        // axe-core is added to the page as a script: the page's Content-Security-Policy would refuse it.
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        await page.GotoAsync(host.BaseAddress.ToString());
        var chat = new ChatPage(page, "keyboard-accessibility");
        await chat.ShotAsync("landing");
        await Axe.AssertNoViolationsAsync(page);

        await TabToAsync(page, "header button[data-lang=ar]");
        await page.Keyboard.PressAsync("Enter");
        await chat.BotSaysAsync(Strings.Get("ar", "privacy.notice")[..10]);
        await TabToAsync(page, ".webchat__suggested-action", Strings.Get("ar", "privacy.accept"));
        await chat.ShotAsync("accept-focused");
        await page.Keyboard.PressAsync("Enter");
        await chat.BotSaysAsync(Strings.Get("ar", "privacy.accepted")[..10]);
        await Axe.AssertNoViolationsAsync(page);

        // Web Chat puts the focus in the send box after a button: the question is typed straight away.
        await chat.UntilAsync(InSendBox);
        await page.Keyboard.TypeAsync("كيف افتح حساب بنكي");
        await page.Keyboard.PressAsync("Enter");
        await chat.BotSaysAsync("OTP banka");
        await chat.BotSaysAsync(Strings.Get("ar", "answer.helpfulQuestion")[..10]);
        await chat.ShotAsync("answer");
        await Axe.AssertNoViolationsAsync(page);
    }

    // Found walking with the keyboard: a language chosen inside the chat (the bot's chooser, the switch offer) or /delete
    // makes the page draw Web Chat anew, and the focus fell to the page's body: typing went nowhere, a screen reader lost
    // its place, and the send box was a dozen presses of Tab away again.
    [Fact]
    public async Task After_a_language_change_or_delete_inside_the_chat_the_keyboard_is_still_in_the_send_box()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "keyboard-focus-kept");
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("/language");
        await ButtonAsync(chat.Page, Strings.Get("ar", "language.name"), "ArrowRight");
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.BotSaysAsync(Strings.Get("ar", "language.chosen")[..10]);
        await chat.UntilAsync("() => document.getElementById('webchat').dir === 'rtl'");

        await chat.UntilAsync(InSendBox);
        await chat.Page.Keyboard.TypeAsync("/help");
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.BotSaysAsync(Strings.Get("ar", "help.text")[..10]);
        await chat.ShotAsync("arabic-typed-after-change");

        await chat.SayAsync("/delete");
        await ButtonAsync(chat.Page, Strings.Get("ar", "delete.yes"), "ArrowLeft");
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.UntilAsync("() => document.querySelectorAll('.webchat__bubble').length === 1");
        await chat.UntilAsync(InSendBox);
        await chat.ShotAsync("after-delete");
    }

    private const string InSendBox = "() => document.activeElement?.matches('[data-id=webchat-sendbox-input]')";

    /// <summary>Tab to the row of buttons (one stop), then the arrow key that goes onwards until <paramref name="title"/> has the focus.</summary>
    private static async Task ButtonAsync(IPage page, string title, string onwards)
    {
        await page.Locator(".webchat__suggested-action", new() { HasText = title }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await TabToAsync(page, ".webchat__suggested-action");
        for (var press = 0; press < 15; press++)
        {
            if (await page.EvaluateAsync<bool>("t => document.activeElement?.textContent.includes(t)", title))
            {
                return;
            }

            await page.Keyboard.PressAsync(onwards);
        }

        Assert.Fail($"the arrow keys never reached the button '{title}'");
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> (with <paramref name="text"/>) has the focus.</summary>
    private static async Task TabToAsync(IPage page, string selector, string text = "")
    {
        await page.Locator(selector, new() { HasText = text }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        for (var tab = 0; tab < 30; tab++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("([s, t]) => document.activeElement?.matches(s) && document.activeElement.textContent.includes(t)", new[] { selector, text }))
            {
                return;
            }
        }

        Assert.Fail($"30 presses of Tab never reached {selector} '{text}'");
    }
}
