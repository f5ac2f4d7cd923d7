using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Handoffs created on one local day in one language for one reason.</summary>
public sealed record DashboardDayCount(DateOnly Date, string Language, HandoffReason Reason, int Count);
