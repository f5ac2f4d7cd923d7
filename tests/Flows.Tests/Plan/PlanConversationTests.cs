using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Plan;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>"My first steps" as people meet it: /plan, the five intake questions, the checklist, Done ✓. The clock is 23 Nov 2026.</summary>
public sealed class PlanConversationTests
{
    private static readonly PlanBook Book = PlanBook.LoadDefault();

    public static TheoryData<string> Languages => ["sl", "en", "sq", "hbs", "ar"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_family_from_Bosnia_arriving_for_work_with_a_child_of_8_gets_its_steps_and_no_asylum_step(string language)
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync(language);

        var first = await harness.SendAsync("/plan");
        Assert.Contains(Plain(harness.Text(language, "plan.ask.origin")), Plain(first.AllText()));
        Assert.Contains(harness.Title(language, "plan.skip"), first.LastButtons());

        await harness.SendAsync(harness.Title(language, "plan.origin.western-balkans"));
        await harness.SendAsync(harness.Title(language, "plan.purpose.work"));
        await harness.SendAsync("20.11.2026");
        var more = await harness.SendAsync(harness.Title(language, "plan.children.6-15"));
        Assert.Contains(Plain(harness.Text(language, "plan.ask.childrenMore")), Plain(more.AllText()));
        await harness.SendAsync(harness.Title(language, "plan.thatsAll"));
        var plan = Plain((await harness.SendAsync(harness.Title(language, "plan.has.none"))).AllText());

        foreach (var step in new[] { "address-registration", "tax-number", "health-insurance", "school-enrolment", "slovenian-course" })
        {
            Assert.Contains(Shown(Book.Find(step)!.TitleIn(language)), plan);
        }

        Assert.Contains("28.11.2026", plan);
        Assert.DoesNotContain(Shown(Book.Find("asylum-apply")!.TitleIn(language)), plan);
        Assert.DoesNotContain(Shown(Book.Find("asylum-application")!.TitleIn(language)), plan);
        Assert.DoesNotContain(Shown(Book.Find("kindergarten")!.TitleIn(language)), plan);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_person_seeking_international_protection_gets_the_asylum_steps_and_no_work_permit(string language)
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync(language);

        await harness.SendAsync("/plan");
        await harness.SendAsync(harness.Title(language, "plan.origin.other"));
        await harness.SendAsync(harness.Title(language, "plan.purpose.protection"));
        await harness.SendAsync(harness.Title(language, "plan.arrival.today"));
        await harness.SendAsync(harness.Title(language, "plan.children.none"));
        var replies = await harness.SendAsync(harness.Title(language, "plan.has.none"));
        var plan = Plain(replies.AllText());

        Assert.Contains(Shown(Book.Find("asylum-apply")!.TitleIn(language)), plan);
        Assert.Contains(Shown(Book.Find("asylum-application")!.TitleIn(language)), plan);
        Assert.DoesNotContain(Shown(Book.Find("work-permit")!.TitleIn(language)), plan);
        Assert.DoesNotContain("[[", plan, StringComparison.Ordinal);
        Assert.Contains(harness.Title(language, "plan.doneButton"), replies.LastButtons());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_question_skipped_in_English_gives_the_steps_for_everyone_with_the_8_day_address_registration(string language)
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync(language);

        await harness.SendAsync(harness.Title(language, "plan.menuButton"));
        for (var i = 0; i < 4; i++)
        {
            await harness.SendAsync(i % 2 == 0 ? "skip" : harness.Title(language, "plan.skip"));
        }

        var plan = Plain((await harness.SendAsync("Skip")).AllText());

        Assert.Contains(Shown(Book.Find("address-registration")!.TitleIn(language)), plan);
        Assert.Contains(Plain(harness.Localizer.Get(language, "plan.within", new Dictionary<string, string> { ["days"] = "8" })).Trim(), plan);
        Assert.DoesNotContain(Shown(Book.Find("school-enrolment")!.TitleIn(language)), plan);
        Assert.DoesNotContain(Shown(Book.Find("work-permit")!.TitleIn(language)), plan);
    }

    [Fact]
    public async Task Done_by_button_or_by_saying_so_marks_the_step_and_plan_shows_progress_later()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");

        await SkipIntake(harness.Flow())
            .Send("Done ✓")
            .AssertTurnContains("Marked as done: Register your address", "✅ 1. Register your address – done", "Now: Tax number")
            .Send("I did it!")
            .AssertTurnContains("Marked as done: Tax number")
            .Send("/menu").IgnoreReplies()
            .Send("/plan")
            .AssertTurnContains("✅ 1. Register your address – done", "✅ 2. Tax number – done", "➡️ 3. Health insurance")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_passed_deadline_shows_as_overdue_and_comes_first()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");

        await harness.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("EU, EEA or Switzerland").IgnoreReplies()
            .Send("Work").IgnoreReplies()
            .Send("2026-11-10").IgnoreReplies()
            .Send("No children").IgnoreReplies()
            .Send("Tax number")
            .AssertTurnContains("Anything else you already have?")
            .Send("That's all")
            .AssertReplies(replies =>
            {
                var plan = replies.AllText();
                Assert.Contains("⚠️ 1. Register your address – overdue since 18.11.2026", plan);
                Assert.DoesNotContain("Tax number", plan);
                Assert.Contains("Now: Register your address", plan);
                Assert.Contains("Where: ask us at the office", plan);
            })
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Answers_can_be_changed_later_and_what_is_done_stays_done()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");

        await SkipIntake(harness.Flow())
            .Send("Done ✓").IgnoreReplies()
            .Send("Change my answers")
            .AssertTurnContains("1/5 Where are you from?")
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("skip").IgnoreReplies()
            .Send("6 to 15").IgnoreReplies()
            .Send("That's all").IgnoreReplies()
            .Send("skip")
            .AssertTurnContains("✅ 1. Register your address – done", "Enrol your child in primary school")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task An_answer_it_cannot_read_is_asked_once_more_then_skipped()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");

        await harness.Flow()
            .Send("/plan").IgnoreReplies()
            .Send("what is this about")
            .AssertTurnContains("I could not tell which group that is.", "Western Balkans: Albania, Bosnia and Herzegovina", "1/5 Where are you from?")
            .Send("still no idea")
            .AssertTurnContains("2/5 Why did you come to Slovenia?")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task The_menu_offers_my_first_steps_and_hbs_Cyrillic_gets_the_plan_in_Cyrillic()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("hbs");

        var cyrillic = harness.Flow()
            .Send("/menu")
            .AssertReplies(menu => Assert.Contains("Moji prvi koraci", menu.LastButtons()))
            .Send("зашто").IgnoreReplies();
        await SkipIntake(cyrillic, skip: "прескочи", lastReplies: plan => Assert.Contains("Пријавите адресу", plan.AllText()))
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task The_reminder_question_is_asked_once_on_Telegram_and_never_on_the_web_chat()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");
        await SkipIntake(harness.Flow(), lastReplies: web => Assert.DoesNotContain("Shall I remind you", web.AllText()))
            .StartTestAsync(Ct);

        // The test adapter's channel stands for Telegram here: reminders are offered on the channels configured for them.
        await using var telegram = FlowHarness.Create(settings: new Dictionary<string, string?> { ["IntegrationBot:Plan:ReminderChannels"] = "telegram,test" });
        await telegram.StartInAsync("en");
        var flow = SkipIntake(telegram.Flow(), lastReplies: asked =>
            {
                Assert.Contains("Shall I remind you here", asked.AllText());
                Assert.Equal(["Yes, remind me", "No, thanks"], asked.LastButtons());
            })
            .Send("Yes, remind me")
            .AssertTurnContains("Reminders are on.")
            .Send("Change my answers").IgnoreReplies();
        await SkipIntake(flow, started: true, lastReplies: again => Assert.DoesNotContain("Shall I remind you", again.AllText()))
            .StartTestAsync(Ct);
    }

    /// <summary>/plan, then <paramref name="skip"/> for each of the five questions; the replies to the last one (the plan) pass <paramref name="lastReplies"/>.</summary>
    private static TestFlow SkipIntake(TestFlow flow, bool started = false, Action<IReadOnlyList<Activity>>? lastReplies = null, string skip = "skip")
    {
        if (!started)
        {
            flow = flow.Send("/plan").IgnoreReplies();
        }

        for (var i = 0; i < 4; i++)
        {
            flow = flow.Send(skip).IgnoreReplies();
        }

        return flow.Send(skip).AssertReplies(lastReplies ?? (_ => { }));
    }

    private static string Plain(string text) => BidiText.Strip(text);

    // A step's title as the person reads it: the [[…]] Latin-name marks are only for Cyrillic and never shown.
    private static string Shown(string text) => Plain(Knowledge.Text.CyrillicTransliterator.StripLatinMarks(text));
}
