namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Satisfaction scores of the dashboard window; Distribution[i] counts score i+1.</summary>
public sealed record DashboardSatisfaction(double? Average, int Count, IReadOnlyList<int> Distribution);
