namespace IntegrationBot.Dialogs.Prompts;

/// <summary>The choice the user picked; <see cref="Index"/> is 0-based in the offered list.</summary>
public sealed record FoundChoice(string Value, int Index);
