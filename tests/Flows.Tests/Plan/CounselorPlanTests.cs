using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>A counselor sees the person's checklist in the handoff (with consent), marks a step done and adds one.</summary>
public sealed class CounselorPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_counselor_sees_the_checklist_marks_a_step_done_and_adds_one_and_the_person_is_told()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("sq");
        await harness.SendAsync("/plan");
        for (var i = 0; i < 5; i++)
        {
            await harness.SendAsync("skip");
        }

        await harness.SendAsync("/counselor");
        var request = Assert.Single(await harness.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await harness.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await harness.DeliverAsync();
        var plans = harness.Get<IHandoffPlan>();

        var view = await plans.GetAsync(request, Ct);
        Assert.NotNull(view);
        Assert.Equal(("address-registration", "Register your address", "next"), (view.Steps[0].Id, view.Steps[0].Title, view.Steps[0].Status));
        // The console shows the title in the page's language; the English Title stays as it was.
        Assert.Equal("Regjistroni adresën", view.Steps[0].Titles!["sq"]);
        Assert.Equal(["sl", "en", "sq", "hbs", "ar"], view.Steps[0].Titles!.Keys);

        Assert.True(await plans.MarkDoneAsync(request, "address-registration", "Maja", Ct));
        Assert.True(await plans.AddStepAsync(request, "Sill kontratën e qirasë në zyrë", "Maja", Ct));
        var told = (await harness.DeliverAsync()).AllText();
        Assert.Contains("Hap i kryer (Maja): Regjistroni adresën", told);
        Assert.Contains("Hap i ri në planin tuaj (Maja): Sill kontratën e qirasë në zyrë", told);

        view = await plans.GetAsync(request, Ct);
        Assert.Equal("done", view!.Steps[0].Status);
        Assert.Equal(("added-0", "open"), (view.Steps[^1].Id, view.Steps[^1].Status));
        Assert.Null(view.Steps[^1].Titles);
        Assert.False(await plans.MarkDoneAsync(request, "no-such-step", "Maja", Ct));
    }

    [Fact]
    public async Task Without_consent_the_counselor_sees_no_plan()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en");
        await harness.SendAsync("/plan");
        for (var i = 0; i < 5; i++)
        {
            await harness.SendAsync("skip");
        }

        await harness.SendAsync("/counselor");
        var request = Assert.Single(await harness.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await harness.SendAsync("/menu");
        await harness.SendAsync("/privacy");
        Assert.Contains("I will not keep your messages", (await harness.SendAsync("Decline")).AllText());

        Assert.Null(await harness.Get<IHandoffPlan>().GetAsync(request, Ct));
        Assert.False(await harness.Get<IHandoffPlan>().AddStepAsync(request, "x", "Maja", Ct));
    }
}
