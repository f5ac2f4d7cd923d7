using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>The office's plan numbers are counted as people use their plans, with nothing about the person in them.</summary>
public sealed class PlanCountingTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_made_steps_done_by_the_person_and_the_counselor_and_the_step_reached_are_counted_by_language()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("sq");
        await harness.SendAsync("/plan");
        for (var i = 0; i < 5; i++)
        {
            await harness.SendAsync("skip");
        }

        await harness.SendAsync(harness.Title("sq", "plan.doneButton"));
        await harness.SendAsync("/plan");

        await harness.SendAsync("/counselor");
        var request = Assert.Single(await harness.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await harness.Queue.ClaimAsync(request.Id, "Maja", Ct);
        var plans = harness.Get<IHandoffPlan>();
        var view = await plans.GetAsync(request, Ct);
        var next = view!.Steps.First(s => s.Status == "next");
        Assert.True(await plans.MarkDoneAsync(request, next.Id, "Maja", Ct));
        Assert.True(await plans.AddStepAsync(request, "Sill kontratën e qirasë në zyrë", "Maja", Ct));
        Assert.True(await plans.MarkDoneAsync(request, "added-0", "Maja", Ct));

        var rows = await harness.Get<IPlanStatistics>().ListAsync(Ct);
        Assert.All(rows, r => Assert.Equal((Monday, "sq"), (r.Date, r.Language)));
        Assert.Equal(1, rows.Single(r => r.Kind == PlanCountKind.Created).Count);
        Assert.Equal(
            ["address-registration", next.Id, PlanDailyCount.CounselorStep],
            rows.Where(r => r.Kind == PlanCountKind.Done).OrderBy(r => r.Step == PlanDailyCount.CounselorStep).ThenBy(r => r.Step != "address-registration").Select(r => r.Step));
        Assert.Equal(
            ["address-registration", next.Id, view.Steps.First(s => s.Status == "open").Id],
            rows.Where(r => r.Kind == PlanCountKind.Reached).Select(r => r.Step).Order(Comparer<string>.Create((a, b) => Order(view, a).CompareTo(Order(view, b)))));
        Assert.All(rows, r => Assert.Equal(1, r.Count));
        // Showing the plan again or changing nothing counts nothing; the counselor's words are never counted.
        Assert.DoesNotContain(rows, r => r.Step.Contains("kontrat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Two_people_in_different_languages_are_counted_apart()
    {
        await using var harness = FlowHarness.Create();
        foreach (var (language, user) in new[] { ("ar", "u-ar"), ("en", "u-en") })
        {
            harness.Adapter.User = new(user, user, "user");
            harness.Adapter.ConversationId = "c-" + user;
            await harness.StartInAsync(language);
            await harness.SendAsync("/plan");
            for (var i = 0; i < 5; i++)
            {
                await harness.SendAsync("skip");
            }
        }

        var created = (await harness.Get<IPlanStatistics>().ListAsync(Ct)).Where(r => r.Kind == PlanCountKind.Created)
            .ToDictionary(r => r.Language, r => r.Count);
        Assert.Equal(new Dictionary<string, int> { ["ar"] = 1, ["en"] = 1 }, created);
    }

    private static int Order(HandoffPlanView view, string id) => view.Steps.ToList().FindIndex(s => s.Id == id);
}
