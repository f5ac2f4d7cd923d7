namespace IntegrationBot.Knowledge.Languages;

/// <summary>The identified language of a message and how sure the identifier is (0..1).</summary>
public sealed record LanguageGuess(string Language, double Confidence);
