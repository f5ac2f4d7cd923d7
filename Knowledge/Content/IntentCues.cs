namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Phrases per language that mean "I want a human" (handoff), signal danger (emergency), or are only a greeting or
/// only thanks (or "ok", "bye"), from <c>content/intents.yaml</c>. Matching is on folded text; a word ending in
/// <c>*</c> matches any word starting with it.
/// </summary>
public sealed record IntentCues(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Handoff,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Emergency,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Greeting,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Thanks)
{
    public static IntentCues Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, IReadOnlyList<string>>());
}
