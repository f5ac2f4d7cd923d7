namespace IntegrationBot.Flows.Privacy;

/// <summary>A request waiting for privacy consent: its reason, and whether the notice is shown as it starts waiting.</summary>
public sealed record HandoffConsent(string Reason, bool Announce);
