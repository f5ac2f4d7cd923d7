using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// After /delete the conversation leaves the screen at once. Found in the web chat journey: the confirmation replies to
/// the "yes", which is erased before the page receives it, and Web Chat holds a reply back until the message it answers
/// arrives, up to 5 s (then it logs "Timed out while waiting for activity"): the erased conversation stayed on screen
/// that long, and the page cleared it only after that warning.
/// </summary>
public sealed class EraseAtOnceJourneyTests
{
    [Fact]
    public async Task The_page_clears_the_erased_conversation_without_waiting_for_the_erased_message()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "erase-at-once");
        chat.Page.SetDefaultTimeout(90_000);
        var heldBack = new List<string>();
        chat.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Timed out while waiting for activity", StringComparison.Ordinal))
            {
                lock (heldBack)
                {
                    heldBack.Add(message.Text);
                }
            }
        };
        await chat.AcceptPrivacyAsync("en");
        const string secret = "ERASE-AT-ONCE where do I register my address";
        await chat.SayAsync(secret);
        await chat.BotSaysAsync("upravna enota");

        await chat.SayAsync("/delete");
        await chat.PressAsync(Strings.Get("en", "delete.yes"));
        await chat.UntilAsync("s => !document.getElementById('webchat').innerText.includes(s) && document.querySelectorAll('.webchat__bubble').length === 1"
            + " && !sessionStorage.getItem('integrationbot.webchat')", secret);
        await chat.BotSaysAsync(Strings.Get("en", "delete.done")[..20]);
        await chat.ShotAsync("erased");

        lock (heldBack)
        {
            Assert.Empty(heldBack);
        }
    }
}
