namespace IntegrationBot.Handoff.Console;

/// <summary>A colleague as any counselor sees them (GET /api/counselors): no admin flag, login time or hash.</summary>
public sealed record ColleagueView(string Name, IReadOnlyList<string> Languages, bool Online);
