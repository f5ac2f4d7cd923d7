using System.Net;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>/api/handoffs/{id}/plan: the person's checklist for the counselor; changes only by the counselor holding the conversation.</summary>
public sealed class ConsolePlanApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Holder_sees_and_changes_the_plan_others_get_403_and_bad_input_400()
    {
        var plan = new RecordingPlan();
        await using var host = await ConsoleHost.StartAsync(s => s.AddSingleton<IHandoffPlan>(plan));
        await host.AddCounselorAsync("Maja", "maja-password");
        await host.AddCounselorAsync("Amira", "amira-password");
        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c1", "u1", "{}"), "en", null, HandoffReason.AskedForHuman), Ct);
        using var maja = await host.LoginAsync("Maja", "maja-password");
        using var amira = await host.LoginAsync("Amira", "amira-password");

        var view = await maja.GetAsync($"/api/handoffs/{ticket.RequestId}/plan");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("\"status\":\"next\"", await view.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, (await maja.PostAsync($"/api/handoffs/{ticket.RequestId}/plan/done", new { stepId = "tax-number" })).StatusCode);
        await maja.PostAsync($"/api/handoffs/{ticket.RequestId}/claim");
        Assert.Equal(HttpStatusCode.Forbidden, (await amira.PostAsync($"/api/handoffs/{ticket.RequestId}/plan/steps", new { text = "Bring the lease" })).StatusCode);
        var noStep = await maja.PostAsync($"/api/handoffs/{ticket.RequestId}/plan/done", new { stepId = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noStep.StatusCode);
        // The error names the field the request lacks.
        Assert.Contains("stepId is required", await noStep.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await maja.PostAsync($"/api/handoffs/{ticket.RequestId}/plan/done", new { stepId = "tax-number" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await maja.PostAsync($"/api/handoffs/{ticket.RequestId}/plan/steps", new { text = "Bring the lease" })).StatusCode);
        Assert.Equal(["done tax-number by Maja", "added Bring the lease by Maja"], plan.Calls);

        plan.Consented = false;
        Assert.Equal(HttpStatusCode.NotFound, (await maja.GetAsync($"/api/handoffs/{ticket.RequestId}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maja.GetAsync($"/api/handoffs/{Guid.NewGuid()}/plan")).StatusCode);
    }

    private sealed class RecordingPlan : IHandoffPlan
    {
        public List<string> Calls { get; } = [];

        public bool Consented { get; set; } = true;

        public Task<HandoffPlanView?> GetAsync(HandoffRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Consented ? new HandoffPlanView([new HandoffPlanStep("tax-number", "Tax number", "next", null)]) : null);

        public Task<bool> MarkDoneAsync(HandoffRequest request, string stepId, string counselor, CancellationToken cancellationToken)
        {
            Calls.Add($"done {stepId} by {counselor}");
            return Task.FromResult(true);
        }

        public Task<bool> AddStepAsync(HandoffRequest request, string text, string counselor, CancellationToken cancellationToken)
        {
            Calls.Add($"added {text} by {counselor}");
            return Task.FromResult(true);
        }
    }
}
