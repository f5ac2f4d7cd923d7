namespace IntegrationBot.Handoff.Plan;

/// <summary>One step of a person's checklist as the console shows it; <see cref="Deadline"/> is yyyy-MM-dd or null.</summary>
public sealed record HandoffPlanStep(string Id, string Title, string Status, string? Deadline)
{
    /// <summary>
    /// The title in each language the plan's rules give it (sl, en, sq, hbs, ar), so the console shows it in the page's
    /// language; null for a step a counselor added (their own words, in <see cref="Title"/>). <see cref="Title"/> stays English.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Titles { get; init; }
}
