namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Steps done in the week starting on Monday <see cref="Week"/> (office time zone) in one language.</summary>
public sealed record DashboardPlanWeek(DateOnly Week, string Language, int StepsDone);
