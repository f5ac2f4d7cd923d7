using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// A person who asks for a counselor in the middle of the plan's questions keeps the answers given so far: /plan goes on
/// where they stopped, and the counselor sees them. Before, the questions ended and the answers were gone: /plan began
/// again at 1/5 and the console had no plan to show (404).
/// </summary>
public sealed class PlanAnswersKeptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answers_given_before_asking_for_a_person_are_kept_and_the_questions_go_on_after_the_handoff()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/plan");
        await bot.SendAsync("Western Balkans");
        await bot.SendAsync("Work");

        var stopped = await bot.SendAsync("I want to talk to a person");
        Assert.Equal("I have stopped the first-steps questions and kept your answers so far. Write /plan when you want to go on.", stopped[0].Text);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.DeliverAsync();
        await bot.Queue.CloseAsync(request.Id, "Maja", "resolved", Ct);
        await bot.DeliverAsync();

        var resumed = await bot.SendAsync("/plan");
        Assert.Equal("Your answers so far: Western Balkans, Work.", resumed[0].Text);
        Assert.StartsWith("3/5 When did you arrive", resumed[^1].Text, StringComparison.Ordinal);

        await bot.SendAsync("20.11.2026");
        await bot.SendAsync("No children");
        var checklist = (await bot.SendAsync("None of these")).AllText();
        Assert.Contains("Single permit for residence and work", checklist, StringComparison.Ordinal);
        Assert.Contains("Register your address – by 28.11.2026", checklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counselor_sees_the_answers_given_before_the_person_asked_for_them()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/plan");
        await bot.SendAsync("Ballkani Perëndimor");
        await bot.SendAsync("Punë");
        await bot.SendAsync("20.11.2026");
        await bot.SendAsync("/counselor");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        var view = await bot.Get<IHandoffPlan>().GetAsync(request, Ct);

        Assert.NotNull(view);
        Assert.False(view.Finished);
        Assert.Empty(view.Steps);
        Assert.Equal(
            [("origin", "western-balkans"), ("purpose", "work"), ("arrival", "2026-11-20")],
            view.Answers.SelectMany(a => a.Values.Select(v => (a.Question, v))).ToList());
    }

    [Fact]
    public async Task A_finished_plan_shows_the_counselor_its_answers_beside_the_steps()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/plan");
        await bot.SendAsync("Another country");
        await bot.SendAsync("Family");
        await bot.SendAsync("skip");
        await bot.SendAsync("Under 6");
        await bot.SendAsync("6 to 15");
        await bot.SendAsync("That's all");
        await bot.SendAsync("None of these");
        await bot.SendAsync("/counselor");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        var view = await bot.Get<IHandoffPlan>().GetAsync(request, Ct);

        Assert.NotNull(view);
        Assert.True(view.Finished);
        Assert.NotEmpty(view.Steps);
        Assert.Equal(
            [("origin", "other"), ("purpose", "family"), ("arrival", "skipped"), ("children", "under-6"), ("children", "6-15"), ("has", "none")],
            view.Answers.SelectMany(a => a.Values.Select(v => (a.Question, v))).ToList());
    }
}
