namespace IntegrationBot.Handoff.Dashboard;

/// <summary>A knowledge-base topic whose facts in one language were last reviewed too long ago (kb check's warning).</summary>
public sealed record DashboardStaleTopic(string Topic, string Language, DateOnly Reviewed, string ReviewedBy, int AgeDays);
