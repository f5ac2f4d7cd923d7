using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// On a phone the answer to a question is in view once the bot has answered, from its first line, without scrolling.
/// Seen at 390×844: the transcript stopped scrolling at the end of the answer's first message, so "Was this helpful?"
/// (the newest message) stayed below the visible area, with nothing saying that more had come.
/// </summary>
public sealed class NewestAnswerInViewJourneyTests
{
    // The transcript's scrolling area, the first bot message after the person's last one, and the newest bot message,
    // each as [top, bottom] in the viewport.
    private const string Positions = """
        () => {
          const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; };
          const view = document.querySelector('.webchat__basic-transcript__scrollable');
          const activities = [...document.querySelectorAll('.webchat__basic-transcript__activity')];
          const asked = activities.findLastIndex(a => a.querySelector('.webchat__bubble--from-user'));
          const answer = activities.slice(asked + 1).find(a => a.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)'));
          const newest = activities.findLast(a => a.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)'));
          return [box(view), box(answer.querySelector('.webchat__bubble')), box(newest.querySelector('.webchat__bubble'))];
        }
        """;

    // The transcript at rest: Web Chat scrolls with an animation, so its position is read once it has stopped.
    private const string AtRest = """
        () => {
          const top = document.querySelector('.webchat__basic-transcript__scrollable').scrollTop;
          const last = window.__transcriptRest || { top: -1, polls: 0 };
          window.__transcriptRest = { top, polls: last.top === top ? last.polls + 1 : 0 };
          return window.__transcriptRest.polls >= 5;
        }
        """;

    [Theory]
    [InlineData("en", "How do I open a bank account?")]
    [InlineData("sl", "Kako odprem bančni račun?")]
    public async Task After_a_long_answer_its_start_and_as_much_after_it_as_fits_are_in_view(string language, string question)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=" + language), "newest-answer-" + language);
        await chat.AcceptPrivacyAsync(language);
        await chat.SayAsync(question);
        var helpful = Strings.Get(language, "answer.helpfulQuestion");
        var details = Strings.Get(language, "answer.moreDetails");
        await AnsweredAsync(chat, helpful, 1, details);
        await AssertAnswerInViewAsync(chat, "answer");

        // A second, longer transcript: the details are the newest answer.
        await chat.PressAsync(details);
        await AnsweredAsync(chat, helpful, 2, null);
        await AssertAnswerInViewAsync(chat, "details");
    }

    // The answer is complete once the bot asks whether it helped, with its related topics under it.
    private static async Task AnsweredAsync(ChatPage chat, string helpful, int times, string? topic)
    {
        await chat.UntilAsync("([t, n]) => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].filter(b => b.textContent.includes(t)).length >= n", new object[] { helpful, times });
        await chat.Page.Locator(".webchat__suggested-action", new() { HasText = topic }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.UntilAsync(AtRest);
    }

    private static async Task AssertAnswerInViewAsync(ChatPage chat, string step)
    {
        await chat.ShotAsync(step);
        var at = await chat.Page.EvaluateAsync<double[][]>(Positions);
        var (view, answer, newest) = (at[0], at[1], at[2]);
        // Whole pixels: Web Chat scrolls by them.
        Assert.True(answer[0] >= view[0] - 1 && answer[0] < view[1],
            $"{step}: the answer starts at {answer[0]:0} px, the transcript shows {view[0]:0}–{view[1]:0} px");
        // Then as much as fits: down to the newest message, unless that would push the answer's start out of view.
        Assert.True(newest[1] <= view[1] + 1 || answer[0] <= view[0] + 24,
            $"{step}: the newest message ends at {newest[1]:0} px, below the transcript's {view[1]:0} px, and the answer starts at {answer[0]:0} px, not at the top ({view[0]:0} px)");
    }
}
