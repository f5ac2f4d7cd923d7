using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Content;

/// <summary>One knowledge-base topic with its text in every language (keys are language codes).</summary>
public sealed record Topic(
    string Id,
    string Category,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Related,
    DateOnly? Reviewed,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Answer,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Questions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords,
    string SourceFile)
{
    /// <summary>Flag: offer a counselor together with the answer.</summary>
    public const string SensitiveFlag = "sensitive";

    /// <summary>Flag: the topic is about danger to life or safety.</summary>
    public const string EmergencyFlag = "emergency";

    /// <summary>Flag: a document that other topics' services ask for (the identity card); named together with such a topic,
    /// the question is that topic's.</summary>
    public const string PrerequisiteFlag = "prerequisite";

    /// <summary>Per language: when the facts were last checked and by whom (<c>reviewed:</c>); <see cref="Reviewed"/> is the oldest date.</summary>
    public IReadOnlyDictionary<string, TopicReview> Reviews { get; init; } = new Dictionary<string, TopicReview>(StringComparer.Ordinal);

    public bool IsSensitive => Flags.Contains(SensitiveFlag, StringComparer.Ordinal);

    public bool IsEmergency => Flags.Contains(EmergencyFlag, StringComparer.Ordinal);

    public bool IsPrerequisite => Flags.Contains(PrerequisiteFlag, StringComparer.Ordinal);

    /// <summary>The title in <paramref name="language"/>, falling back to English, then to the id.</summary>
    public string TitleIn(string language) => Pick(Title, language) ?? Id;

    /// <summary>The raw answer (placeholders not yet filled) in <paramref name="language"/>, falling back to English.</summary>
    public string AnswerIn(string language) => Pick(Answer, language) ?? string.Empty;

    /// <summary>The longer details in <paramref name="language"/>, or null when the topic has none.</summary>
    public string? DetailsIn(string language) => Pick(Details, language);

    private static string? Pick(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim()
        : texts.TryGetValue(Language.English, out var english) && !string.IsNullOrWhiteSpace(english) ? english.Trim()
        : null;
}
