namespace IntegrationBot.Handoff.Plan;

/// <summary>A person's checklist for the console: each step with its status (done, next, overdue, open) and deadline.</summary>
public sealed record HandoffPlanView(IReadOnlyList<HandoffPlanStep> Steps);
