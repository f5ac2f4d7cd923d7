using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A person taps Accept under the privacy notice and at once asks for a counselor. Web Chat sends each message in a
/// request of its own; when the first was slower on its way (a busy server, a phone network), the question reached the
/// bot first: it was read as written before the consent, the person got "When you accept the privacy notice above…"
/// although they had, and the counselor's copy of the conversation lacked the question (CI saw this as
/// <c>CounselorHandoffBrowserTests</c> waiting for the question in the console). The page now sends one at a time.
/// </summary>
public sealed class MessageOrderJourneyTests
{
    [Fact]
    public async Task A_question_sent_while_the_accept_is_still_on_its_way_is_read_after_it()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync(CounselorConsole.OpenEveryDay);
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "message-order");
        chat.Page.SetDefaultTimeout(90_000);
        await chat.BotSaysAsync(Strings.Get("en", "privacy.notice")[..20]);

        // The Accept's request is held on its way until a later message has been answered, or, when none comes (a page
        // that sends in order sends nothing while its Accept is unanswered), for a few seconds after the question is on
        // the person's screen: on a busy machine typing it could take longer than a window counted from the tap.
        var laterAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var questionSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await chat.Page.RouteAsync("**/v3/directline/conversations/*/activities", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            if (route.Request.PostData?.Contains($"\"text\":\"{Strings.Get("en", "privacy.accept")}\"", StringComparison.Ordinal) == true)
            {
                await Task.WhenAny(laterAnswered.Task, questionSent.Task.ContinueWith(_ => Task.Delay(TimeSpan.FromSeconds(3)), TaskScheduler.Default).Unwrap());
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync(new() { Timeout = ChatPage.Timeout });
            await route.FulfillAsync(new() { Response = response });
            laterAnswered.TrySetResult();
        });

        await chat.PressAsync(Strings.Get("en", "privacy.accept"));
        await chat.SayAsync("I want to talk to a person please");
        questionSent.TrySetResult();
        await chat.BotSaysAsync("You are number 1 in line");
        await chat.ShotAsync("in-order");

        var said = await chat.BotBubbles.AllInnerTextsAsync();
        Assert.DoesNotContain(said, text => text.Contains(Strings.Get("en", "privacy.handoffOnAccept")[..30], StringComparison.Ordinal));
        var accepted = Array.FindIndex([.. said], text => text.Contains(Strings.Get("en", "privacy.accepted")[..20], StringComparison.Ordinal));
        var queued = Array.FindIndex([.. said], text => text.Contains("You are number 1 in line", StringComparison.Ordinal));
        Assert.True(accepted >= 0 && accepted < queued, $"The bot's replies, in order: {string.Join(" | ", said)}");
    }
}
