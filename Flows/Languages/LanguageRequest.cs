namespace IntegrationBot.Flows.Languages;

/// <summary>A message that asks for a language ("english please", "на српском молим"): the language, and whether it was written in Cyrillic.</summary>
public sealed record LanguageRequest(string Language, bool Cyrillic);
