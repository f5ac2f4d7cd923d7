namespace IntegrationBot.Flows.Languages;

/// <summary>What the switch question keeps while it waits: the language the person seemed to write in, and their question.</summary>
public sealed record LanguageSwitch(string Target, string Question);
