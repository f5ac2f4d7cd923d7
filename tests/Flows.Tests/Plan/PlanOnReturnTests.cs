using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// The web chat shows a person their plan when they come back to the page (a <c>webchat/join</c> event), but not into the
/// middle of a conversation: walking the web chat, a reload put the checklist and its buttons between a counselor's
/// reply and the person's answer, or into an open question. Nor after a reload in the middle of a conversation: only a
/// person who was away for a while (<see cref="PlanOptions.ShowOnReturnAfter"/>, an hour) gets the checklist again.
/// </summary>
public sealed class PlanOnReturnTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coming_back_after_an_hour_away_shows_the_plan()
    {
        await using var bot = await WithPlanAsync();
        bot.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Contains(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_a_conversation_does_not_put_the_plan_into_it()
    {
        await using var bot = await WithPlanAsync();
        bot.Clock.Advance(TimeSpan.FromHours(3));
        await bot.SendAsync("how do I get a tax number");
        bot.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.DoesNotContain(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
    }

    [Fact]
    public async Task Coming_back_shows_the_plan_once_and_not_again_at_the_next_reload()
    {
        await using var bot = await WithPlanAsync();
        bot.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Contains(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
        bot.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Contains(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
    }

    [Fact]
    public async Task Coming_back_to_a_conversation_with_a_counselor_does_not_put_the_plan_into_it()
    {
        await using var bot = await WithPlanAsync();
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.DeliverAsync();
        bot.Clock.Advance(TimeSpan.FromHours(2));

        Assert.DoesNotContain(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
    }

    [Fact]
    public async Task Coming_back_to_an_open_question_leaves_the_question_open()
    {
        await using var bot = await WithPlanAsync();
        await bot.SendAsync("/delete");
        bot.Clock.Advance(TimeSpan.FromHours(2));

        Assert.DoesNotContain(bot.Text("en", "plan.checklist"), (await ReturnAsync(bot)).AllText());
        // The question's own buttons still answer it.
        Assert.Contains(bot.Text("en", "delete.cancelled"), (await bot.SendAsync(bot.Title("en", "delete.no"))).AllText());
    }

    private static async Task<FlowHarness> WithPlanAsync()
    {
        var bot = FlowHarness.Create();
        await bot.StartInAsync("en");
        await bot.SendAsync("/plan");
        for (var i = 0; i < 5; i++)
        {
            await bot.SendAsync("skip");
        }

        return bot;
    }

    // What the web chat page sends when it joins a conversation it resumes.
    private static Task<IReadOnlyList<Activity>> ReturnAsync(FlowHarness bot) =>
        bot.SendAsync(bot.Adapter.MakeMessage(null) with { Type = ActivityTypes.Event, Name = PlanFlow.ReturnedEvent });
}
