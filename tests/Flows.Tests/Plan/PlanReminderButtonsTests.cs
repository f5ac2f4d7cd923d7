using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// A reminder's buttons, with the clock moved by <see cref="FakeTimeProvider"/>: the plan is made on Monday 23 Nov 2026
/// with arrival on 20 Nov, so the address registration's reminder comes on 25 Nov at 08:00 in Ljubljana. The test
/// adapter's channel stands for Telegram.
/// </summary>
public sealed class PlanReminderButtonsTests
{
    private static readonly Dictionary<string, string?> OnTestChannel = new() { ["IntegrationBot:Plan:ReminderChannels"] = "test" };
    private static readonly DateTimeOffset ReminderMorning = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_that_comes_while_answers_are_half_changed_still_takes_its_Done_and_Stop()
    {
        // "Change my answers" left after the first question: the reminder's Done ✓ then got "I did not understand that"
        // and the first question again (the questions took it as an answer), and Stop reminders counted as "Skip".
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using var bot = FlowHarness.Create(clock, settings: OnTestChannel);
        await MakePlanWithRemindersAsync(bot, Language.English, "Western Balkans", "Work", "No children", "None of these", "Yes, remind me");
        await bot.SendAsync("/plan");
        Assert.Contains("1/5 Where are you from?", (await bot.SendAsync("Change my answers")).AllText());

        clock.SetUtcNow(ReminderMorning);
        await bot.Get<PlanReminderService>().RunOnceAsync(TestContext.Current.CancellationToken);
        var reminder = Assert.Single(await bot.DeliverAsync());
        Assert.Equal("Reminder: Register your address – deadline 28.11.2026. Write /plan to see your steps.", reminder.Text);

        var done = (await bot.SendAsync("Done ✓")).AllText();
        Assert.Contains("Marked as done: Register your address", done);
        Assert.DoesNotContain("I did not understand that", done);
        Assert.Contains("OK, no reminders.", (await bot.SendAsync("/stop")).AllText());
    }

    [Fact]
    public async Task An_Arabic_reminder_keeps_the_date_left_to_right_inside_the_right_to_left_line()
    {
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using var bot = FlowHarness.Create(clock, settings: OnTestChannel);
        await MakePlanWithRemindersAsync(bot, Language.Arabic, "غرب البلقان", "العمل", "لا أطفال", "لا شيء من هذه", "نعم، ذكّرني");

        clock.SetUtcNow(ReminderMorning);
        await bot.Get<PlanReminderService>().RunOnceAsync(TestContext.Current.CancellationToken);
        var reminder = Assert.Single(await bot.DeliverAsync());

        Assert.Equal("\u200Fتذكير: سجّل عنوانك – المهلة \u206628.11.2026\u2069. اكتب \u2066/plan\u2069 لرؤية خطواتك.", reminder.Text);
        Assert.Equal(["تم ✓", "أوقف التذكيرات"], reminder.Buttons());
    }

    private static async Task MakePlanWithRemindersAsync(FlowHarness bot, string language, string origin, string purpose, string children, string has, string yes)
    {
        await bot.StartInAsync(language);
        await bot.SendAsync("/plan");
        await bot.SendAsync(origin);
        await bot.SendAsync(purpose);
        await bot.SendAsync("20.11.2026");
        await bot.SendAsync(children);
        await bot.SendAsync(has);
        await bot.SendAsync(yes);
    }
}
