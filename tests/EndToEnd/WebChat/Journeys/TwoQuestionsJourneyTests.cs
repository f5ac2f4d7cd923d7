using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A migrant on a phone asks two or three things in one message: the chat answers the first, names the others under it,
/// and one tap on a button answers another (before, the second question went unanswered, and a third was never offered).
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

    [Fact]
    public async Task Asked_for_three_things_at_once_the_person_gets_the_first_and_one_tap_to_each_other()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=sl"), "three-things");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.AcceptPrivacyAsync("sl");

        await chat.SayAsync("iscem delo, vrtec in stanovanje");
        await chat.BotSaysAsync("Vprašali ste tudi o temah");
        await chat.ShotAsync("offered");

        await chat.PressAsync("Stanovanje");
        await chat.BotSaysAsync("Iskanje stanovanja");
        await chat.ShotAsync("third-answer");
    }
}
