namespace IntegrationBot.Handoff.Plan;

/// <summary>One step of a person's checklist as the console shows it; <see cref="Deadline"/> is yyyy-MM-dd or null.</summary>
public sealed record HandoffPlanStep(string Id, string Title, string Status, string? Deadline);
