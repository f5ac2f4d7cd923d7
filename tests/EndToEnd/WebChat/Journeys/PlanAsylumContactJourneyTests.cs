using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A person asking for international protection makes a plan on a phone (390×844), in Arabic, and marks the first step
/// (telling the police) done. Found on this walk: the next step, the Asylum Home and PIC's legal information session,
/// said "أين: اسألنا في المكتب" (ask us at the office) though kb-facts gives PIC's phone and e-mail.
/// </summary>
public sealed class PlanAsylumContactJourneyTests
{
    [Fact]
    public async Task In_Arabic_the_asylum_application_step_gives_PICs_phone_and_email_in_their_own_order()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "plan-asylum-contact-arabic");
        await chat.AcceptPrivacyAsync("ar");

        await chat.PressAsync(Strings.Get("ar", "plan.menuButton"));
        foreach (var key in new[] { "plan.origin.other", "plan.purpose.protection", "plan.arrival.today", "plan.children.none", "plan.has.none" })
        {
            await chat.PressAsync(Strings.Get("ar", key));
            await chat.UserBubbles.Filter(new() { HasText = Strings.Get("ar", key) }).Last.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        }

        await chat.PressAsync(Strings.Get("ar", "plan.doneButton"));
        await chat.BotSaysAsync("pic@pic.si");
        await chat.ShotAsync("pic-contact");
        await chat.Page.ScreenshotAsync(new() { Path = "/tmp/plan-arabic-pic.png" });

        var bubble = chat.BotBubbles.Filter(new() { HasText = "pic@pic.si" }).Last;
        var text = await bubble.InnerTextAsync();
        Assert.Contains("للتواصل:", text, StringComparison.Ordinal);
        Assert.Contains("+386 69 707 150", text, StringComparison.Ordinal);
        Assert.Contains("pic@pic.si", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Strings.Get("ar", "plan.whereOffice")[..10], text, StringComparison.Ordinal);
    }
}
