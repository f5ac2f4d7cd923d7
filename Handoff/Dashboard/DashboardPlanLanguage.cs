namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Plans made and steps done in one language, since counting began.</summary>
public sealed record DashboardPlanLanguage(string Language, int Plans, int StepsDone);
