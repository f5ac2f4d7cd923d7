namespace IntegrationBot.Bot.Hosting;

/// <summary>The account <c>counselor add</c> sends to the running server.</summary>
public sealed record LocalCounselor(string? Name, IReadOnlyList<string>? Languages, string? Password, bool Admin, bool Editor = false);
