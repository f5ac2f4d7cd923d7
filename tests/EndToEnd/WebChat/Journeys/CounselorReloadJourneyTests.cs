using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>A migrant waiting for a counselor reloads the page: the counselor's reply is there, and the chat goes on.</summary>
public sealed class CounselorReloadJourneyTests
{
    [Fact]
    public async Task After_a_reload_the_counselors_reply_is_visible_and_the_person_can_answer()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en,ar");
        var console = session.Console;

        var chat = await ChatPage.OpenAsync(session.Browser, new Uri(session.Host.BaseAddress, "/?lang=en"), "reload-counselor");
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("I want to talk to a person please");
        await chat.BotSaysAsync("number 1 in line");
        await session.TakeAsync("webchat");
        await chat.BotSaysAsync("Maja");
        await chat.Page.ReloadAsync();
        await chat.BotSaysAsync("Maja");

        await console.FillAsync("#reply-text", "Hello, I am Maja. Please bring your passport on Monday.");
        await console.ClickAsync("#send");
        await chat.BotSaysAsync("bring your passport");
        await chat.Page.ReloadAsync();

        await chat.BotSaysAsync("bring your passport");
        await chat.ShotAsync("counselor-reply-after-reload");
        await chat.SayAsync("Thank you, I will come");
        await console.Locator("#transcript li.user", new() { HasText = "I will come" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
    }
}
