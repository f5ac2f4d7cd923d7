using IntegrationBot.Handoff.Feedback;

namespace IntegrationBot.Handoff.Dashboard;

/// <summary>An unanswered question as the dashboard shows it: no channel or user id.</summary>
public sealed record DashboardQuestion(DateTimeOffset At, string Language, string? Topic, string Text, UnansweredKind Kind);
