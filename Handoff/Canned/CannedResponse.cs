namespace IntegrationBot.Handoff.Canned;

/// <summary>A ready-made counselor reply in one language, editable in the console.</summary>
public sealed record CannedResponse(string Id, string Language, string Title, string Text, DateTimeOffset UpdatedAt);
