using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>A request for a person is a handoff at any prompt; frustration offers a counselor; the rating offer lapses.</summary>
public sealed class PromptEscapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Asking_for_a_person_at_the_feedback_prompt_is_a_handoff_not_feedback()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("how do I open a bank account");
        await bot.SendAsync(bot.Title(Language.English, "answer.helpfulNo"));

        var replies = await bot.SendAsync("I want to talk to a person");

        Assert.Equal(bot.Text(Language.English, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "1", ["wait"] = "10" }), Assert.Single(replies).Text);
        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.DoesNotContain(await bot.Unanswered.RecentAsync(10, Ct), q => q.Text.Contains("talk to a person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_for_a_person_at_the_delete_confirmation_is_a_handoff_and_deletes_nothing()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        await bot.SendAsync("/delete");

        await bot.SendAsync("rad bi govoril s svetovalcem");

        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.NotEmpty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Theory]
    [InlineData(Language.English, "this does not help")]
    [InlineData(Language.Slovenian, "to mi nič ne pomaga")]
    [InlineData(Language.Bcs, "ovo mi ne pomaže")]
    [InlineData(Language.Albanian, "kjo nuk më ndihmon")]
    [InlineData(Language.Arabic, "هذا لا يساعدني")]
    public async Task Saying_the_answers_do_not_help_after_an_answer_offers_a_counselor(string language, string message)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        await bot.SendAsync(bot.Title(language, "menu.category.money"));

        var reply = Assert.Single(await bot.SendAsync(message));

        Assert.Equal(bot.Text(language, "frustration.offer"), reply.Text);
        Assert.Equal(bot.Title(language, "menu.counselor"), reply.Buttons()[0]);
        var queued = await bot.SendAsync(bot.Title(language, "menu.counselor"));
        Assert.Equal(HandoffReason.NegativeFeedback, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Reason);
        Assert.Single(queued);
    }

    [Theory]
    [InlineData(Language.English, "this is useless, get me a human")]
    [InlineData(Language.Slovenian, "to je neuporabno, hočem človeka")]
    [InlineData(Language.Bcs, "ovo je beskorisno, daj mi čovjeka")]
    [InlineData(Language.Albanian, "kjo është e kotë, më duhet një njeri")]
    [InlineData(Language.Arabic, "هذا غير مفيد، أريد إنسان")]
    public async Task Useless_get_me_a_human_is_a_handoff_in_every_language(string language, string message)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        await bot.SendAsync(bot.Title(language, "menu.category.money"));

        await bot.SendAsync(message);

        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
    }

    [Fact]
    public async Task A_question_instead_of_a_rating_is_answered_and_the_rating_offer_lapses()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.Queue.CloseAsync(request.Id, "Maja", "resolved", Ct);
        var closing = await bot.DeliverAsync();
        Assert.Equal(bot.Text(Language.English, "handoff.satisfactionQuestion"), closing[^1].Text);

        var first = await bot.SendAsync("how do I open a bank account");
        Assert.Equal(bot.AnswerOf("bank-account", new("en")), FlowHarness.AnswerText(first));

        var second = await bot.SendAsync("where do I register my address");
        Assert.NotEmpty(second);
        Assert.DoesNotContain(second, r => r.Text == bot.Text(Language.English, "handoff.satisfactionQuestion"));
        Assert.Null((await bot.Queue.GetAsync(request.Id, Ct))!.Satisfaction);
    }
}
