namespace IntegrationBot.Handoff.Dashboard;

/// <summary>
/// A counter of "My first steps" on one local day in one language: no person, conversation or answer in it. Step is
/// the plan's step id (or <see cref="PlanStatistics.CounselorStep"/>), empty for <see cref="PlanCountKind.Created"/>.
/// </summary>
public sealed record PlanDailyCount(DateOnly Date, string Language, PlanCountKind Kind, string Step, int Count);
