namespace IntegrationBot.Knowledge.Plan;

/// <summary>An institution of the local directory (<c>directory.yaml</c>), as far as the plan shows it.</summary>
public sealed record Place(
    string Id,
    bool Confirmed,
    IReadOnlyDictionary<string, string> Names,
    string? Address,
    string? Hours,
    string? Phone);
