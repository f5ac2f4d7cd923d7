namespace IntegrationBot.Flows.Localization;

/// <summary>How the bot writes to one person: a language code and, for hbs, whether they write in Cyrillic.</summary>
public sealed record Voice(string Language, bool Cyrillic = false);
