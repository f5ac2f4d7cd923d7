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

        await bot.Flow()
            .Send("how do I open a bank account").IgnoreReplies()
            .Send("👎 No")
            .AssertReply("What were you looking for? Write it in one message (or press Skip).", "Skip", "Talk to a counselor")
            .Send("I want to talk to a person")
            .AssertReply("I have passed your question to a counselor. You are number 1 in line; the estimated wait is about 10 minutes. You can keep writing here; the counselor will see your messages.")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.DoesNotContain(await bot.Unanswered.RecentAsync(10, Ct), q => q.Text.Contains("talk to a person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_for_a_person_at_the_delete_confirmation_is_a_handoff_and_deletes_nothing()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("/delete")
            .AssertReply("Želite izbrisati vse svoje podatke (sporočila, jezik, prošnje za svetovalca)? Tega ni mogoče razveljaviti.", "Da, izbriši", "Ne, obdrži")
            .Send("rad bi govoril s svetovalcem")
            .AssertReply("Vaše vprašanje sem predal svetovalcu. V vrsti ste 1.; pričakovano čakanje je približno 10 minut. Lahko še naprej pišete tukaj; svetovalec bo videl vaša sporočila.")
            .AssertNoReply()
            .StartTestAsync(Ct);

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
        await bot.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Then(ct => bot.Queue.ClaimAsync(request.Id, "Maja", ct))
            .Then(ct => bot.Queue.CloseAsync(request.Id, "Maja", "resolved", ct))
            .Deliver()
            .AssertReply("Counselor Maja is now with you. Write your question.")
            .AssertReply("Thank you for talking with us. The counselor has closed the conversation; I am here again if you need anything.")
            .AssertReply("How satisfied were you with the help? (1 = not at all, 5 = very)", "1", "2", "3", "4", "5")
            .Send("how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .Send("where do I register my address")
            .AssertAnswer(bot.AnswerOf("address-registration", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
        Assert.Null((await bot.Queue.GetAsync(request.Id, Ct))!.Satisfaction);
    }
}
