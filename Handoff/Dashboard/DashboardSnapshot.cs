namespace IntegrationBot.Handoff.Dashboard;

/// <summary>What the console dashboard shows. Waits are in seconds, for requests first claimed today (office time zone).</summary>
public sealed record DashboardSnapshot(
    int WaitingNow,
    int ActiveNow,
    double? MedianWaitSecondsToday,
    double? P90WaitSecondsToday,
    IReadOnlyList<DashboardDayCount> PerDay,
    DashboardSatisfaction Satisfaction,
    IReadOnlyList<DashboardQuestion> Unanswered)
{
    /// <summary>"My first steps": plans made, steps done per week, where people get stuck, by language.</summary>
    public DashboardPlans Plans { get; init; } = DashboardPlans.Empty;
}
