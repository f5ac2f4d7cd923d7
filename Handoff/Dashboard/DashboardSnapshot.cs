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
    /// <summary>Topic languages reviewed more than 180 days ago, oldest first (empty without a knowledge base).</summary>
    public IReadOnlyList<DashboardStaleTopic> StaleTopics { get; init; } = [];

    /// <summary>Conversations closed in the last <see cref="DashboardService.Days"/> days, per outcome code.</summary>
    public IReadOnlyList<DashboardOutcomeCount> Outcomes { get; init; } = [];

    /// <summary>Referrals in the same days, per institution (csd, zrsz, ue, school, police, library, health-centre, ...).</summary>
    public IReadOnlyList<DashboardOutcomeCount> Referrals { get; init; } = [];

    /// <summary>"My first steps": plans made, steps done per week, where people get stuck, by language.</summary>
    public DashboardPlans Plans { get; init; } = DashboardPlans.Empty;
}
