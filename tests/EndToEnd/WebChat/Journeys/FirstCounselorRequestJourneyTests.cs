using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// On a phone the web chat opens with the privacy notice and the person's first message asks for a counselor: one
/// consent question at a time. The reply says that Accept now passes the request on (no second "Do you accept?"),
/// and Accept does.
/// </summary>
public sealed class FirstCounselorRequestJourneyTests
{
    [Fact]
    public async Task A_first_request_for_a_counselor_under_the_notice_is_passed_on_by_its_accept()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync(CounselorConsole.OpenEveryDay);
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=sl"), "first-counselor-request");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.BotSaysAsync(Strings.Get("sl", "privacy.notice")[..20]);

        await chat.SayAsync("želim govoriti s svetovalcem");
        await chat.BotSaysAsync("Ko sprejmete obvestilo o zasebnosti zgoraj, vašo prošnjo takoj predam svetovalcu.");
        await chat.ShotAsync("one-question");
        Assert.Equal(2, await chat.BotBubbles.CountAsync());

        await chat.PressAsync("Sprejmem");
        await chat.BotSaysAsync("Vaše vprašanje sem predal svetovalcu.");
        await chat.ShotAsync("queued");
    }
}
