namespace IntegrationBot.Flows.State;

/// <summary>A button the bot showed: its title (as sent) and what pressing it means, e.g. ("Shqip", "language", "sq").</summary>
public sealed record OfferedAction(string Title, string Action, string? Argument = null);
