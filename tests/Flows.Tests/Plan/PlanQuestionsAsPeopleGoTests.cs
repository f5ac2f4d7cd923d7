using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// The plan's questions as people go through them, found walking /plan in the web chat (390×844) and on Telegram: an
/// earlier answer changed, "done" said after another message, /delete or a person asked for in the middle. The clock is
/// Monday 23 Nov 2026.
/// </summary>
public sealed class PlanQuestionsAsPeopleGoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_earlier_answer_given_again_changes_it_and_the_current_question_is_asked_again()
    {
        // Changing one's mind: "Family" typed at the arrival question (on Telegram, a tap on the purpose question's
        // button above) was "I did not understand that", and the plan kept "Work".
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("Western Balkans").IgnoreReplies()
            .Send("Work").IgnoreReplies()
            .Send("family")
            .AssertReply(
                "Changed: Family\n3/5 When did you arrive (or when will you)? I ask to count your deadlines, e.g. registering your address within 8 days. Press a button or write the date, e.g. 20.11.2026.",
                "Today", "Yesterday", "About a week ago", "About two weeks ago", "Skip")
            .Send("20.11.2026").IgnoreReplies()
            .Send("No children").IgnoreReplies()
            .Send("None of these")
            .AssertReplies(replies =>
            {
                Assert.Contains("Temporary residence permit", replies.AllText(), StringComparison.Ordinal);
                Assert.DoesNotContain("Single permit for residence and work", replies.AllText(), StringComparison.Ordinal);
            })
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_changed_arrival_date_typed_at_a_later_question_moves_the_deadline()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("Today").IgnoreReplies()
            .Send("20.11.2026")
            .AssertReply(
                "Changed: 20.11.2026\n4/5 Are children with you? Choose their ages. I ask because the school and kindergarten steps depend on it.",
                "Under 6", "6 to 15", "15 to 18", "No children", "Skip")
            .Send("No children").IgnoreReplies()
            .Send("None of these")
            .AssertTurnContains("Register your address – by 28.11.2026")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Saying_done_after_the_reminder_question_asks_which_step_instead_of_not_understanding()
    {
        // On Telegram the reminder question comes right after the step's Done ✓; "I did it" (or a tap on that earlier
        // Done ✓) then got "Sorry, I do not have a good answer to that".
        await using var bot = FlowHarness.Create(settings: new Dictionary<string, string?> { ["IntegrationBot:Plan:ReminderChannels"] = "test" });
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("20.11.2026").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("Yes, remind me").IgnoreReplies()
            .Send("I did it")
            .AssertReply("Shall I mark this step as done: Register your address?", "Done ✓", "My first steps")
            .Send("Done ✓")
            .AssertTurnContains("Marked as done: Register your address", "✅ 1. Register your address – done")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Delete_declined_in_the_middle_of_the_questions_goes_back_to_the_question()
    {
        // "No, keep" said "Nothing was deleted." with the menu, and the questions were gone: "Work" then got an article.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("Western Balkans").IgnoreReplies()
            .Send("/delete").IgnoreReplies()
            .Send("No, keep")
            .AssertReply("Nothing was deleted.")
            .AssertReply(
                "2/5 Why did you come to Slovenia? I ask because the steps depend on it.",
                "Work", "Family", "Study", "International protection (asylum)", "Other", "Skip")
            .Send("Work")
            .AssertReplyContains("3/5 When did you arrive")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Asking_for_a_person_in_the_middle_says_the_questions_stopped_and_how_to_start_them_again()
    {
        // The request went to the queue and the questions ended without a word: the next answer, "Work", was read as a
        // question about work. The line comes first: the request's reply keeps its buttons under the last message. (Asked
        // after some answers, it also says they were kept: PlanAnswersKeptTests.)
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("I want to talk to a person")
            .AssertReplies(replies =>
            {
                Assert.Equal("I have stopped the first-steps questions. Write /plan when you want to start them again.", replies[0].Text);
                Assert.Contains("counselor", replies[^1].Text, StringComparison.Ordinal);
            })
            .StartTestAsync(Ct);
    }
}
