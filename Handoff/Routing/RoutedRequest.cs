using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Routing;

/// <summary>A waiting request as one counselor sees it. NeedsLanguage is set when no online counselor speaks its language.</summary>
public sealed record RoutedRequest(HandoffRequest Request, bool CanServe, string? NeedsLanguage);
