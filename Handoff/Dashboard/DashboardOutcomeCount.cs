namespace IntegrationBot.Handoff.Dashboard;

/// <summary>How many conversations closed with an outcome code (<c>resolved</c>, <c>referred</c>, <c>noAnswer</c>, ...), or were referred to one institution.</summary>
public sealed record DashboardOutcomeCount(string Key, int Count);
