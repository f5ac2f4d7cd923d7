using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A migrant on a phone asks how to register at the employment service and then for a career counselor. Before, the
/// first got the answer about registering one's address, and the second was taken for a request for a human.
/// </summary>
public sealed class EmploymentServiceJourneyTests
{
    [Fact]
    public async Task Registering_at_ZRSZ_and_a_career_counselor_get_their_answers_in_Slovenian()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=sl"), "employment-service-sl");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.AcceptPrivacyAsync("sl");

        await chat.SayAsync("prijava na zrsz");
        await chat.BotSaysAsync("Iskanje dela v Sloveniji");
        await chat.ShotAsync("registering-at-zrsz");

        await chat.SayAsync("karierni svetovalec");
        await chat.BotSaysAsync("Karierno svetovanje (kateri poklic");
        await chat.ShotAsync("career-counselor");
    }

    [Fact]
    public async Task Registering_at_ZRSZ_and_a_career_counselor_get_their_answers_in_Arabic()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "employment-service-ar");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.AcceptPrivacyAsync("ar");

        await chat.SayAsync("التسجيل في ZRSZ");
        await chat.BotSaysAsync("البحث عن عمل في سلوفينيا");
        await chat.ShotAsync("registering-at-zrsz");

        await chat.SayAsync("مستشار مهني");
        await chat.BotSaysAsync("الإرشاد الوظيفي (أي عمل");
        await chat.ShotAsync("career-counselor");
    }
}
