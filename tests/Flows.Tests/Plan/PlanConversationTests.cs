using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>"My first steps" as people meet it: /plan, the five intake questions, the checklist, Done ✓. The clock is 23 Nov 2026.</summary>
public sealed class PlanConversationTests
{
    private static readonly PlanBook Book = PlanBook.LoadDefault();

    public static TheoryData<string> Languages => ["sl", "en", "sq", "hbs", "ar"];

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
        await SkipIntakeAsync(harness);

        var marked = await harness.SendAsync("Done ✓");
        Assert.Contains("Marked as done: Register your address", marked.AllText());
        Assert.Contains("✅ 1. Register your address – done", marked.AllText());
        Assert.Contains("Now: Tax number", marked.AllText());

        var said = await harness.SendAsync("I did it!");
        Assert.Contains("Marked as done: Tax number", said.AllText());

        await harness.SendAsync("/menu");
        var later = (await harness.SendAsync("/plan")).AllText();
        Assert.Contains("✅ 1. Register your address – done", later);
        Assert.Contains("✅ 2. Tax number – done", later);
        Assert.Contains("➡️ 3. Health insurance", later);
    }

    [Fact]
    public async Task A_passed_deadline_shows_as_overdue_and_comes_first()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");
        await harness.SendAsync("/plan");
        await harness.SendAsync("EU, EEA or Switzerland");
        await harness.SendAsync("Work");
        await harness.SendAsync("2026-11-10");
        await harness.SendAsync("No children");
        var plan = (await harness.SendAsync("Tax number")).AllText();
        Assert.Contains("Anything else you already have?", plan);
        plan = (await harness.SendAsync("That's all")).AllText();

        Assert.Contains("⚠️ 1. Register your address – overdue since 18.11.2026", plan);
        Assert.DoesNotContain("Tax number", plan);
        Assert.Contains("Now: Register your address", plan);
        Assert.Contains("Where: ask us at the office", plan);
    }

    [Fact]
    public async Task Answers_can_be_changed_later_and_what_is_done_stays_done()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");
        await SkipIntakeAsync(harness);
        await harness.SendAsync("Done ✓");

        var again = await harness.SendAsync("Change my answers");
        Assert.Contains("1/5 Where are you from?", again.AllText());
        await harness.SendAsync("skip");
        await harness.SendAsync("skip");
        await harness.SendAsync("skip");
        await harness.SendAsync("6 to 15");
        await harness.SendAsync("That's all");
        var plan = (await harness.SendAsync("skip")).AllText();

        Assert.Contains("✅ 1. Register your address – done", plan);
        Assert.Contains("Enrol your child in primary school", plan);
    }

    [Fact]
    public async Task An_answer_it_cannot_read_is_asked_once_more_then_skipped()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");
        await harness.SendAsync("/plan");

        var retry = await harness.SendAsync("what is this about");
        Assert.Contains("I did not understand that.", retry.AllText());
        Assert.Contains("1/5 Where are you from?", retry.AllText());

        var next = await harness.SendAsync("still no idea");
        Assert.Contains("2/5 Why did you come to Slovenia?", next.AllText());
    }

    [Fact]
    public async Task The_menu_offers_my_first_steps_and_hbs_Cyrillic_gets_the_plan_in_Cyrillic()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("hbs");
        var menu = await harness.SendAsync("/menu");
        Assert.Contains("Moji prvi koraci", menu.LastButtons());

        await harness.SendAsync("зашто");
        await harness.SendAsync("/plan");
        for (var i = 0; i < 4; i++)
        {
            await harness.SendAsync("прескочи");
        }

        var plan = (await harness.SendAsync("прескочи")).AllText();
        Assert.Contains("Пријавите адресу", plan);
    }

    [Fact]
    public async Task The_reminder_question_is_asked_once_on_Telegram_and_never_on_the_web_chat()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");
        var web = await SkipIntakeAsync(harness);
        Assert.DoesNotContain("Shall I remind you", web.AllText());

        // The test adapter's channel stands for Telegram here: reminders are offered on the channels configured for them.
        await using var telegram = FlowHarness.Create(settings: new Dictionary<string, string?> { ["IntegrationBot:Plan:ReminderChannels"] = "telegram,test" });
        await telegram.StartInAsync("en");
        var asked = await SkipIntakeAsync(telegram);
        Assert.Contains("Shall I remind you here", asked.AllText());
        Assert.Equal(["Yes, remind me", "No, thanks"], asked.LastButtons());
        Assert.Contains("Reminders are on.", (await telegram.SendAsync("Yes, remind me")).AllText());

        await telegram.SendAsync("Change my answers");
        var again = await SkipIntakeAsync(telegram, started: true);
        Assert.DoesNotContain("Shall I remind you", again.AllText());
    }

    private static async Task<IReadOnlyList<Activity>> SkipIntakeAsync(FlowHarness harness, bool started = false)
    {
        if (!started)
        {
            await harness.SendAsync("/plan");
        }

        for (var i = 0; i < 4; i++)
        {
            await harness.SendAsync("skip");
        }

        return await harness.SendAsync("skip");
    }

    private static string Plain(string text) => BidiText.Strip(text);

    // A step's title as the person reads it: the [[…]] Latin-name marks are only for Cyrillic and never shown.
    private static string Shown(string text) => Plain(Knowledge.Text.CyrillicTransliterator.StripLatinMarks(text));
}
