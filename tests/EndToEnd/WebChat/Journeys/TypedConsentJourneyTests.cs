using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// On a phone a person asks a question before accepting the privacy notice: Web Chat shows buttons only under the last
/// message, so the notice's Accept is gone and typing is the only way left. "sprejemam" accepts it.
/// </summary>
public sealed class TypedConsentJourneyTests
{
    [Fact]
    public async Task A_typed_acceptance_works_after_an_answer_took_the_notices_buttons()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=sl"), "typed-consent");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.BotSaysAsync(Strings.Get("sl", "privacy.notice")[..20]);

        await chat.SayAsync("Kje dobim SIM kartico?");
        await chat.BotSaysAsync(Strings.Get("sl", "answer.helpfulQuestion"));
        await chat.SayAsync("sprejemam");
        await chat.BotSaysAsync(Strings.Get("sl", "privacy.accepted")[..20]);
        await chat.ShotAsync("accepted");
    }
}
