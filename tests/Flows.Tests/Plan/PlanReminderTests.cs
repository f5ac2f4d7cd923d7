using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// Reminders with the clock moved by <see cref="FakeTimeProvider"/>: the plan is made on Monday 23 Nov 2026 at 10:00 in
/// Ljubljana with arrival on 20 Nov, so address registration is due on 28 Nov and its reminder comes on 25 Nov at 08:00.
/// The test adapter's channel stands for Telegram (reminders are offered on the channels configured for them).
/// </summary>
public sealed class PlanReminderTests
{
    private const string ConversationKey = "test/conversations/conv-1";
    private static readonly Dictionary<string, string?> OnTestChannel = new() { ["IntegrationBot:Plan:ReminderChannels"] = "telegram,viber,test" };

    [Fact]
    public async Task A_reminder_is_sent_once_at_eight_in_Ljubljana_never_at_night_and_not_again_after_a_restart()
    {
        using var directory = new TempDataDirectory();
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using (var harness = FlowHarness.Create(clock, directory, OnTestChannel))
        {
            await MakePlanWithRemindersAsync(harness);
            var reminders = harness.Get<PlanReminderService>();

            clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
            Assert.Equal(1, await reminders.RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await harness.DeliverAsync());

            // A scan that comes at night (an instance was down all day) leaves it for the morning: 00:30 in Ljubljana.
            var store = harness.Get<IPlanReminderStore>();
            await store.RescheduleAsync(ConversationKey, new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero), TestContext.Current.CancellationToken);
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));
            Assert.Equal(1, await reminders.RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await harness.DeliverAsync());

            clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 59, 0, TimeSpan.Zero));
            Assert.Equal(0, await reminders.RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await harness.DeliverAsync());

            clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
            Assert.Equal(1, await reminders.RunOnceAsync(TestContext.Current.CancellationToken));
            var sent = Assert.Single(await harness.DeliverAsync());
            Assert.Equal("Reminder: Register your address – deadline 28.11.2026. Write /plan to see your steps.", sent.Text);
            Assert.Equal(["Done ✓", "Stop reminders"], sent.Buttons());

            clock.Advance(TimeSpan.FromHours(3));
            Assert.Equal(0, await reminders.RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await harness.DeliverAsync());
        }

        await using (var restarted = FlowHarness.Create(clock, directory, OnTestChannel))
        {
            // As if the first instance had crashed between sending and rescheduling: the subscription is due again today.
            var store = restarted.Get<IPlanReminderStore>();
            await store.RescheduleAsync(ConversationKey, clock.GetUtcNow(), TestContext.Current.CancellationToken);

            Assert.Equal(1, await restarted.Get<PlanReminderService>().RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await restarted.DeliverAsync());
        }
    }

    [Fact]
    public async Task At_most_one_reminder_a_day_and_a_long_waiting_step_is_reminded_the_next_day()
    {
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using var harness = FlowHarness.Create(clock, settings: new Dictionary<string, string?>(OnTestChannel) { ["IntegrationBot:Plan:WaitingDays"] = "5" });
        await MakePlanWithRemindersAsync(harness);
        var reminders = harness.Get<PlanReminderService>();
        var store = harness.Get<IPlanReminderStore>();

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Register your address – deadline", Assert.Single(await harness.DeliverAsync()).Text);

        await store.RescheduleAsync(ConversationKey, clock.GetUtcNow(), TestContext.Current.CancellationToken);
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await harness.DeliverAsync());

        clock.Advance(TimeSpan.FromDays(1));
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            "Reminder: Single permit for residence and work is still waiting. Write /plan to see your steps, or press Done ✓ if you have done it.",
            Assert.Single(await harness.DeliverAsync()).Text);
    }

    [Fact]
    public async Task After_stop_no_reminder_is_sent()
    {
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using var harness = FlowHarness.Create(clock, settings: OnTestChannel);
        await MakePlanWithRemindersAsync(harness);

        Assert.Contains("no reminders", (await harness.SendAsync("/stop")).AllText());

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await harness.Get<PlanReminderService>().RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await harness.DeliverAsync());
    }

    [Fact]
    public async Task One_tap_on_stop_reminders_under_a_reminder_stops_the_next_ones()
    {
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using var harness = FlowHarness.Create(clock, settings: new Dictionary<string, string?>(OnTestChannel) { ["IntegrationBot:Plan:WaitingDays"] = "5" });
        await MakePlanWithRemindersAsync(harness);
        var reminders = harness.Get<PlanReminderService>();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Single(await harness.DeliverAsync());

        await harness.SendAsync("Stop reminders");

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await reminders.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await harness.DeliverAsync());
    }

    private static async Task MakePlanWithRemindersAsync(FlowHarness harness)
    {
        await harness.StartInAsync("en");
        await harness.SendAsync("/plan");
        await harness.SendAsync("Western Balkans");
        await harness.SendAsync("Work");
        await harness.SendAsync("20.11.2026");
        await harness.SendAsync("No children");
        var asked = await harness.SendAsync("None of these");
        Assert.Contains("Shall I remind you here", asked.AllText());
        Assert.Contains("Reminders are on.", (await harness.SendAsync("Yes, remind me")).AllText());
    }
}
