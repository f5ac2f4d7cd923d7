using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A migrant on a phone asks two things in one message: the chat answers one, names the other under it, and one tap on
/// that button answers it (before, the second question went unanswered).
/// </summary>
public sealed class TwoQuestionsJourneyTests
{
    [Fact]
    public async Task Asked_two_things_at_once_the_person_gets_one_answer_and_one_tap_to_the_other()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=sl"), "two-questions");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.AcceptPrivacyAsync("sl");

        await chat.SayAsync("kako odprem bancni racun in kje dobim sim kartico");
        await chat.BotSaysAsync("Vprašali ste tudi o temi");
        await chat.ShotAsync("offered");

        await chat.PressAsync("Telefon in SIM kartica");
        await chat.BotSaysAsync("Za mobilni telefon imate dve možnosti");
        await chat.ShotAsync("second-answer");
    }
}
