using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// An Albanian reader asks for a person where the bot waits for something else: at "What were you looking for?" after
/// 👎, and at the rating after the counselor closed. Both are requests, not feedback or a rating; while waiting the
/// questions are answered, and the counselor's reply is there after a reload. Walked at 390×844 with the real console;
/// until now these prompts were escaped only in flow tests (PromptEscapeTests).
/// </summary>
public sealed class PersonAtPromptsJourneyTests
{
    [Fact]
    public async Task A_person_asked_for_at_the_feedback_and_rating_prompts_is_a_request_and_the_reply_survives_a_reload()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "sq");
        var console = session.Console;
        var queued = Strings.Get("sq", "handoff.queuedOpen")[..30];
        var chat = await ChatPage.OpenAsync(session.Browser, new Uri(session.Host.BaseAddress, "/?lang=sq"), "person-at-prompts");
        await chat.AcceptPrivacyAsync("sq");
        await chat.SayAsync("si te hap nje llogari bankare");
        await chat.BotSaysAsync(Strings.Get("sq", "answer.helpfulQuestion"));

        await chat.PressAsync(Strings.Get("sq", "answer.helpfulNo"));
        await chat.BotSaysAsync(Strings.Get("sq", "feedback.askMissing")[..20]);
        await chat.SayAsync("dua te flas me nje person");
        await chat.BotSaysAsync(queued);
        await chat.ShotAsync("queued-from-feedback");
        // Waiting: a question is still answered.
        await chat.SayAsync("si ta zgjedh mjekun");
        await chat.BotSaysAsync("Si ta zgjidhni mjekun");

        await session.TakeAsync("webchat");
        await console.Locator("#transcript li.user", new() { HasText = "si ta zgjedh mjekun" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.BotSaysAsync(Strings.Get("sq", "handoff.claimed").Replace("{counselor}", "Maja")[..20]);
        await console.FillAsync("#reply-text", "Përshëndetje, jam Maja. Ejani të hënën me pasaportë.");
        await console.ClickAsync("#send");
        await chat.BotSaysAsync("Ejani të hënën");
        await chat.Page.ReloadAsync();
        await chat.BotSaysAsync("Ejani të hënën");
        await chat.ShotAsync("reply-after-reload");

        await console.ClickAsync("#close-form button[type=submit]");
        await chat.BotSaysAsync(Strings.Get("sq", "handoff.satisfactionQuestion")[..20]);
        var before = await chat.BotBubbles.Filter(new() { HasText = queued }).CountAsync();
        await chat.SayAsync("dua perseri nje keshilltar");
        await chat.UntilAsync(
            "([q, n]) => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].filter(b => b.textContent.includes(q)).length > n",
            new object[] { queued, before });
        await chat.ShotAsync("queued-from-rating");
        // The counselor sees the new request in the queue.
        await console.ClickAsync("#nav button[data-view=queue]");
        await console.Locator("#queue-rows tr", new() { HasText = "dua perseri nje keshilltar" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
    }
}
