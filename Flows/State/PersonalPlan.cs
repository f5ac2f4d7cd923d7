using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.State;

/// <summary>
/// The person's "My first steps" plan: the intake answers (personal data: shown in the privacy notice, exported, erased
/// and deleted with retention like the rest of the conversation), what is done, and the reminder choice.
/// </summary>
public sealed record PersonalPlan
{
    public IntakeAnswers Answers { get; init; } = new();

    /// <summary>When the intake was completed (long-waiting reminders count from here when the arrival is unknown).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Ids of the steps marked done, by the person or a counselor.</summary>
    public IReadOnlyList<string> Done { get; init; } = [];

    /// <summary>Steps a counselor added (free text in the person's language), after the plan's own steps.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary>The person was asked whether they want reminders (asked once).</summary>
    public bool RemindersAsked { get; init; }

    /// <summary>The person wants reminders and has not stopped them.</summary>
    public bool RemindersOn { get; init; }

    /// <summary>The local day of the last reminder: at most one a day.</summary>
    public DateOnly? LastReminder { get; init; }

    /// <summary>Reminders already sent, as "step:kind", so the same reminder is never sent twice.</summary>
    public IReadOnlyList<string> Reminded { get; init; } = [];
}
