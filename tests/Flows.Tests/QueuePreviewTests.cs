using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>The queue's preview of a request is what the person wrote, not the title of a button they pressed.</summary>
public sealed class QueuePreviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Seen in the console: an urgent request from a person in danger read "Accept" in the queue, the privacy notice's
    // button they pressed while waiting, and the counselor had to open it to learn what it was about.
    [Fact]
    public async Task An_emergency_request_previews_the_message_that_signalled_the_danger_not_the_Accept_pressed_after_it()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);
        await bot.SendAsync("my husband is beating me, I am afraid for my life");
        await bot.SendAsync("Talk to a counselor now");
        await bot.SendAsync("Accept");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "Accept");
        Assert.Equal("my husband is beating me, I am afraid for my life", HandoffView.From(request, bot.Time.GetUtcNow()).Preview);
    }

    [Fact]
    public async Task A_request_made_with_the_counselor_button_under_an_answer_previews_the_question_asked_before_it()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        var answer = await bot.SendAsync("how do I register my address");
        Assert.Contains(answer[^1].SuggestedActions!.Actions, a => a.Title == "Talk to a counselor");
        await bot.SendAsync("Talk to a counselor");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal("how do I register my address", HandoffView.From(request, bot.Time.GetUtcNow()).Preview);
    }

    [Fact]
    public async Task A_request_of_buttons_only_has_no_preview_rather_than_a_buttons_title()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        await bot.SendAsync(bot.Title(Language.Slovenian, "menu.counselor"));

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Null(HandoffView.From(request, bot.Time.GetUtcNow()).Preview);
    }
}
