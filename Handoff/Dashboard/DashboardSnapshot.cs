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
}
