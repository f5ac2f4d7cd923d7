using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The language changes in the middle of a chat, from the header, by /language or by accepting the bot's offer: the
/// transcript stays and the widget ends up in Arabic, right-to-left, with an Arabic placeholder and header button, and
/// the page reports no uncaught error on the way.
/// </summary>
public sealed class LanguageJourneyTests
{
    [Theory]
    [InlineData("header")]
    [InlineData("command")]
    [InlineData("offer")]
    public async Task Changing_to_Arabic_mid_chat_turns_the_widget_right_to_left_and_keeps_the_transcript(string how)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "language-" + how);
        // The widget is drawn anew in the new language: the old Direct Line's end must not surface as a page error.
        var errors = new List<string>();
        chat.Page.PageError += (_, error) => errors.Add(error);
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("how do I open a bank account");
        await chat.BotSaysAsync("bank");
        await chat.ShotAsync("english");

        switch (how)
        {
            case "header":
                await chat.Page.ClickAsync("header button[data-lang=ar]");
                break;
            case "command":
                await chat.SayAsync("/language");
                await chat.PressAsync(Strings.Get("ar", "language.name"));
                break;
            default:
                await chat.SayAsync("كيف افتح حساب بنكي");
                await chat.PressAsync(Strings.Get("ar", "language.switchYes"));
                break;
        }

        await chat.UntilAsync("() => document.getElementById('webchat').dir === 'rtl' && document.documentElement.dir === 'rtl'"
            + " && /[\\u0600-\\u06FF]/.test(document.querySelector('[data-id=webchat-sendbox-input]')?.placeholder || '')"
            + " && document.querySelector('header button[data-lang=ar]').getAttribute('aria-pressed') === 'true'");
        await chat.BotSaysAsync(Strings.Get("ar", "language.chosen")[..10]);
        await chat.ShowsAsync("how do I open a bank account");
        var direction = await chat.BotBubbles.Last.EvaluateAsync<string>("e => getComputedStyle(e).direction");
        Assert.Equal("rtl", direction);
        await chat.ShotAsync("arabic");
        await chat.SayAsync("/help");
        await chat.BotSaysAsync(Strings.Get("ar", "help.text")[..10]);
        Assert.Empty(errors);
    }
}
