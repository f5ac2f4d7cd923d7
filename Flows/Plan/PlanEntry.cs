using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>One step of a person's checklist: the rule, its status today and its deadline (null when it has none).</summary>
public sealed record PlanEntry(PlanStep Step, StepStatus Status, DateOnly? Deadline);
