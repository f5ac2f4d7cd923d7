namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// The engine's reading of one message. <see cref="Topic"/> is the best candidate whenever there is one, also
/// for <see cref="Decision.None"/>, <see cref="Decision.Handoff"/> and <see cref="Decision.Emergency"/>; the decision
/// says whether to show it.
/// </summary>
public sealed record KnowledgeResult(
    string Text,
    string Language,
    double LanguageConfidence,
    Decision Decision,
    string? Topic,
    double Score,
    IReadOnlyList<TopicScore> Candidates)
{
    /// <summary>For <see cref="Decision.Emergency"/>: which kind of danger, so the reply leads with the right number.</summary>
    public Intents.EmergencyKind EmergencyKind { get; init; }

    /// <summary>
    /// For <see cref="Decision.Greeting"/> and <see cref="Decision.Thanks"/>: every language the words are small talk in
    /// ("zdravo" is sl and hbs), so a first message can tell a certain language from a guess.
    /// </summary>
    public IReadOnlyList<string> SmallTalkLanguages { get; init; } = [];

    /// <summary>
    /// The message asks where a newcomer should begin ("I just arrived, what should I do first?", intents.yaml's
    /// <c>first-steps</c>). No topic answers that; the conversation offers the first-steps plan when no topic was clear.
    /// </summary>
    public bool FirstSteps { get; init; }
}
