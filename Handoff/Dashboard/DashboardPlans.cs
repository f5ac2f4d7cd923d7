namespace IntegrationBot.Handoff.Dashboard;

/// <summary>"My first steps" numbers for the office, from counters without personal data.</summary>
public sealed record DashboardPlans(
    int Total,
    int StepsDone,
    IReadOnlyList<DashboardPlanLanguage> ByLanguage,
    IReadOnlyList<DashboardPlanWeek> Weeks,
    IReadOnlyList<DashboardPlanStuck> Stuck)
{
    public static DashboardPlans Empty { get; } = new(0, 0, [], [], []);
}
