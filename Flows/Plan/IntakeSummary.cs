using System.Globalization;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// The intake answers question by question: as codes for the counselor's console, and as the buttons' own words for the
/// person ("Your answers so far: Western Balkans, Work.") when the questions go on after a stop.
/// </summary>
public static class IntakeSummary
{
    public const string ArrivalQuestion = "arrival";
    public const string Skipped = "skipped";
    public const string None = "none";

    /// <summary>The five questions in the order they are asked.</summary>
    public static IReadOnlyList<string> Questions { get; } =
        [IntakeValues.OriginField, IntakeValues.PurposeField, ArrivalQuestion, IntakeValues.ChildrenField, IntakeValues.HasField];

    /// <summary>A finished plan's answers, every question.</summary>
    public static IReadOnlyList<HandoffPlanAnswer> ForCounselor(IntakeAnswers answers) => ForCounselor(answers, Questions.Count);

    /// <summary>Unfinished: the questions already answered or skipped, and the current one when part of it is answered.</summary>
    public static IReadOnlyList<HandoffPlanAnswer> ForCounselor(PlanDraft draft) => ForCounselor(draft.Answers, Reached(draft));

    /// <summary>The answers given so far in the person's words (skipped ones left out), e.g. "Western Balkans, Work".</summary>
    public static string ForPerson(Voice voice, Localizer localizer, PlanDraft draft)
    {
        var titles = Questions.Take(Reached(draft)).SelectMany(question => Codes(draft.Answers, question) switch
        {
            null => [],
            [] => [localizer.Title(voice, $"plan.{question}.{None}")],
            var values when question == ArrivalQuestion => values.Select(v => DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)),
            var values => values.Select(v => localizer.Title(voice, $"plan.{question}.{v}")),
        });
        return string.Join(voice.Language == Language.Arabic ? "، " : ", ", titles);
    }

    private static IReadOnlyList<HandoffPlanAnswer> ForCounselor(IntakeAnswers answers, int asked) =>
    [
        .. Questions.Take(asked).Select(question => new HandoffPlanAnswer(question, Codes(answers, question) switch
        {
            null => [Skipped],
            [] => [None],
            var values => values,
        })),
    ];

    // The current question counts once part of it is answered (an age group chosen, more may follow).
    private static int Reached(PlanDraft draft) =>
        draft.Stage < Questions.Count && Codes(draft.Answers, Questions[draft.Stage]) is { Count: > 0 } ? draft.Stage + 1 : draft.Stage;

    private static IReadOnlyList<string>? Codes(IntakeAnswers answers, string question) => question == ArrivalQuestion
        ? answers.Arrival is { } arrival ? [arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : null
        : answers.ValuesOf(question);
}
