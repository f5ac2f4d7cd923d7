namespace IntegrationBot.Flows.Languages;

/// <summary>A language asked for, in a message ("english please", "на српском молим") or with a chooser button: the
/// language, and for hbs whether in Cyrillic.</summary>
public sealed record LanguageRequest(string Language, bool Cyrillic);
