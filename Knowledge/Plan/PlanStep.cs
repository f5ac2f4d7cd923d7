using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Plan;

/// <summary>One step of the first-steps plan as written in <c>plan.yaml</c>.</summary>
public sealed record PlanStep(
    string Id,
    int Order,
    string Topic,
    IReadOnlyDictionary<string, IReadOnlyList<string>> When,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Unless,
    int? DeadlineDays,
    string? Where,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Bring)
{
    /// <summary>
    /// True when every <see cref="When"/> condition matches a given answer and no <see cref="Unless"/> condition does.
    /// A skipped answer never matches: it leaves out a conditional step and keeps a step that others may skip.
    /// </summary>
    public bool AppliesTo(IntakeAnswers answers) =>
        When.All(c => Matches(answers, c.Key, c.Value)) && !Unless.Any(c => Matches(answers, c.Key, c.Value));

    /// <summary>The deadline counted from arrival, when the step has one and the arrival date is known.</summary>
    public DateOnly? DeadlineFor(IntakeAnswers answers) =>
        DeadlineDays is { } days && answers.Arrival is { } arrival ? arrival.AddDays(days) : null;

    public string TitleIn(string language) => Pick(Title, language) ?? Id;

    public string? BringIn(string language) => Pick(Bring, language);

    private static bool Matches(IntakeAnswers answers, string field, IReadOnlyList<string> values) =>
        answers.ValuesOf(field) is { } given && given.Any(values.Contains);

    private static string? Pick(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim()
        : texts.TryGetValue(Language.English, out var english) && !string.IsNullOrWhiteSpace(english) ? english.Trim()
        : null;
}
