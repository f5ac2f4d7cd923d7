namespace IntegrationBot.Flows.State;

/// <summary>What the flows remember about a person on a channel across conversations.</summary>
public sealed record UserProfile(string? Language = null, bool Cyrillic = false);
