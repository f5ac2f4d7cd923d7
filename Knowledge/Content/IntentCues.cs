namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Phrases per language that mean "I want a human" (handoff), signal danger (emergency), or are only a greeting or
/// only thanks (or "ok", "bye"), from <c>content/intents.yaml</c>. Matching is on folded text; a word ending in
/// <c>*</c> matches any word starting with it.
/// </summary>
/// <remarks>
/// <see cref="Emergency"/> holds the cues of the plain <c>emergency</c> section (a danger of no particular kind);
/// <see cref="EmergencyByKind"/> the cues of each <c>emergency-&lt;kind&gt;</c> section, keyed by the kind's name.
/// </remarks>
public sealed record IntentCues(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Handoff,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Emergency,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Greeting,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Thanks)
{
    /// <summary>The yaml section names of the emergency kinds start with this, e.g. <c>emergency-medical</c>.</summary>
    public const string EmergencyKindPrefix = "emergency-";

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> EmergencyByKind { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>The yaml section names of words asked back start with this, e.g. <c>ask-back-permit</c>.</summary>
    public const string AskBackPrefix = "ask-back-";

    /// <summary>The key of an ask-back section that lists its topics (every other key is a language).</summary>
    public const string AskBackTopicsKey = "topics";

    /// <summary>The <c>ask-back-&lt;name&gt;</c> sections, in the file's order.</summary>
    public IReadOnlyList<AskBackCues> AskBack { get; init; } = [];

    /// <summary>The <c>first-steps</c> section: a newcomer asking where to begin ("I just arrived, what should I do first?").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FirstSteps { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The <c>frustration</c> section: "this is useless", "this does not help".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Frustration { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static IntentCues Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>());
}
