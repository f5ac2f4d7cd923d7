using System.Globalization;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.State;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// The plan's intake: five questions, one per message, each with buttons, a reason and "skip" (in the person's language
/// or English). Children and what the person already has take several answers: after each, the rest is offered again
/// with "that's all". Two answers it cannot read count as a skip, so nobody is stuck in it. An answer to an earlier
/// question (a changed mind: typed, or a tap on that question's button, which Telegram keeps) changes that answer and the
/// current question is asked again. The answers become the plan.
/// </summary>
public sealed class PlanIntakeDialog(PlanFlow plan, TimeProvider time) : Dialog(DialogId)
{
    public const string DialogId = "planIntake";
    private const string Skip = "skip";
    private const string None = "none";
    private const string Enough = "enough";
    private const string StageKey = "stage";
    private const string AnswersKey = "answers";
    private const string MoreKey = "more";
    private const string RetriesKey = "retries";

    private static readonly string[] Stages = [.. IntakeSummary.Questions];
    private static readonly string[] ArrivalChoices = ["today", "yesterday", "week", "twoWeeks"];

    /// <summary>Begins with the first question, or, given a <see cref="PlanDraft"/>, goes on where the questions stopped.</summary>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var draft = options as PlanDraft;
        var stage = Math.Clamp(draft?.Stage ?? 0, 0, Stages.Length - 1);
        var answers = draft?.Answers ?? new IntakeAnswers();
        var more = Stages[stage] is IntakeValues.ChildrenField or IntakeValues.HasField && answers.ValuesOf(Stages[stage]) is { Count: > 0 };
        var instance = dc.ActiveDialog!;
        instance.Write(StageKey, stage);
        instance.Write(AnswersKey, answers);
        instance.Write(MoreKey, more);
        instance.Write(RetriesKey, 0);
        var turn = FlowTurn.Of(dc.Context);
        turn.Data = turn.Data with { PlanDraft = null };
        if (draft is null)
        {
            await turn.SendAsync(turn.Say("plan.intro"), null, cancellationToken);
        }
        else if (IntakeSummary.ForPerson(turn.Voice, turn.Localizer, draft) is { Length: > 0 } given)
        {
            await turn.SendAsync(turn.Say("plan.resumed", new Dictionary<string, string> { ["answers"] = given }), null, cancellationToken);
        }

        await AskAsync(turn, stage, more, retry: false, cancellationToken, answers);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The answers so far and the question reached, when the questions are stopped part way (null before any).</summary>
    public static PlanDraft? DraftOf(DialogInstance instance)
    {
        var stage = instance.Read<int>(StageKey);
        var answers = instance.Read<IntakeAnswers>(AnswersKey) ?? new IntakeAnswers();
        return stage == 0 && answers == new IntakeAnswers() ? null : new PlanDraft(answers, stage);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(dc.Context);
        var instance = dc.ActiveDialog!;
        var stage = instance.Read<int>(StageKey);
        var more = instance.Read<bool>(MoreKey);
        var answers = instance.Read<IntakeAnswers>(AnswersKey) ?? new IntakeAnswers();
        var field = Stages[stage];

        var today = PlanProgress.Today(time);
        var value = Read(turn, stage, answers, more, today);
        if (value is null && EarlierAnswer(turn, stage, today) is { } earlier)
        {
            (answers, _) = Apply(answers, Stages[earlier.Stage], earlier.Value, today);
            instance.Write(AnswersKey, answers);
            await AskAsync(turn, stage, more, retry: false, cancellationToken, answers, turn.Say("plan.changed", new Dictionary<string, string> { ["answer"] = earlier.Shown }));
            return DialogTurnResult.Waiting;
        }

        if (value is null)
        {
            var retries = instance.Read<int>(RetriesKey);
            if (retries == 0)
            {
                instance.Write(RetriesKey, 1);
                await AskAsync(turn, stage, more, retry: true, cancellationToken, answers);
                return DialogTurnResult.Waiting;
            }

            value = more ? Enough : Skip;
        }

        instance.Write(RetriesKey, 0);
        (answers, var askAgain) = Apply(answers, field, value, today);
        instance.Write(AnswersKey, answers);
        if (askAgain && Remaining(field, answers).Count > 0)
        {
            instance.Write(MoreKey, true);
            await AskAsync(turn, stage, more: true, retry: false, cancellationToken, answers);
            return DialogTurnResult.Waiting;
        }

        if (stage + 1 < Stages.Length)
        {
            instance.Write(StageKey, stage + 1);
            instance.Write(MoreKey, false);
            await AskAsync(turn, stage + 1, more: false, retry: false, cancellationToken, prefix: Noted(turn, stage, value));
            return DialogTurnResult.Waiting;
        }

        var result = await dc.EndDialogAsync(null, cancellationToken);
        await plan.CompleteIntakeAsync(turn, answers, cancellationToken);
        return result;
    }

    /// <summary>The current question again (the person changed the language), with the answers given so far.</summary>
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var answers = instance.Read<IntakeAnswers>(AnswersKey) ?? new IntakeAnswers();
        return AskAsync(FlowTurn.Of(turnContext), instance.Read<int>(StageKey), instance.Read<bool>(MoreKey), retry: false, cancellationToken, answers);
    }

    /// <summary>A question asked on top of this one ended (/delete answered "no"): the current question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    // The origin question also takes a country's name ("Syria", "Kosova"): its group, after the buttons' own words.
    private static string? Read(FlowTurn turn, int stage, IntakeAnswers answers, bool more, DateOnly today) =>
        Stages[stage] == "arrival" && ArrivalReader.Read(turn.Text, today) is { } date
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : ChoiceRecognizer.Recognize(turn.Text, Choices(turn, stage, answers, more))?.Value
                ?? (Stages[stage] == IntakeValues.OriginField ? CountryReader.Find(turn.Text)?.Origin : null);

    /// <summary>"Syria – I noted: Another country.": the group read from a country's name, said back so a wrong reading shows.</summary>
    private static string? Noted(FlowTurn turn, int stage, string value)
    {
        if (Stages[stage] != IntakeValues.OriginField || value == Skip
            || ChoiceRecognizer.Recognize(turn.Text, Choices(turn, stage, new IntakeAnswers(), more: false)) is not null
            || CountryReader.Find(turn.Text) is not { } country || country.Origin != value)
        {
            return null;
        }

        return turn.Say("plan.countryNoted", new Dictionary<string, string>
        {
            ["country"] = country.NameIn(turn.Language),
            ["group"] = turn.Localizer.Get(turn.Language, $"plan.origin.{value}"),
        });
    }

    /// <summary>
    /// The message answers an earlier question instead (the nearest one it answers): its stage, value and the answer as
    /// the person reads it. "Skip" belongs to the current question, and a bare number is a button's position there.
    /// </summary>
    private static (int Stage, string Value, string Shown)? EarlierAnswer(FlowTurn turn, int stage, DateOnly today)
    {
        if (turn.Text.Trim().All(c => char.IsDigit(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }

        for (var earlier = stage - 1; earlier >= 0; earlier--)
        {
            if (Stages[earlier] == "arrival" && ArrivalReader.Read(turn.Text, today) is { } date)
            {
                return (earlier, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            }

            var choices = Choices(turn, earlier, new IntakeAnswers(), more: false).Where(c => c.Value != Skip).ToList();
            if (ChoiceRecognizer.Recognize(turn.Text, choices) is { } found)
            {
                return (earlier, found.Value, choices[found.Index].DisplayTitle);
            }

            if (Stages[earlier] == IntakeValues.OriginField && CountryReader.Find(turn.Text) is { } country)
            {
                return (earlier, country.Origin, $"{country.NameIn(turn.Language)} ({choices.First(c => c.Value == country.Origin).DisplayTitle})");
            }
        }

        return null;
    }

    private static (IntakeAnswers Answers, bool AskAgain) Apply(IntakeAnswers answers, string field, string value, DateOnly today)
    {
        var skipped = value == Skip;
        return field switch
        {
            IntakeValues.OriginField => (answers with { Origin = skipped ? null : value }, false),
            IntakeValues.PurposeField => (answers with { Purpose = skipped ? null : value }, false),
            "arrival" => (answers with { Arrival = skipped ? null : ArrivalReader.FromChoice(value, today) }, false),
            IntakeValues.ChildrenField => value switch
            {
                Skip or Enough when answers.Children is { Count: > 0 } => (answers, false),
                Skip => (answers with { Children = null }, false),
                None or Enough => (answers with { Children = [] }, false),
                _ => (answers with { Children = [.. answers.Children ?? [], value] }, true),
            },
            _ => value switch
            {
                Skip or Enough when answers.Has is { Count: > 0 } => (answers, false),
                Skip => (answers with { Has = null }, false),
                None or Enough => (answers with { Has = [] }, false),
                _ => (answers with { Has = [.. answers.Has ?? [], value] }, true),
            },
        };
    }

    private static IReadOnlyList<string> Remaining(string field, IntakeAnswers answers) => field switch
    {
        IntakeValues.ChildrenField => [.. IntakeValues.ChildAges.Except(answers.Children ?? [])],
        IntakeValues.HasField => [.. IntakeValues.Possessions.Except(answers.Has ?? [])],
        _ => [],
    };

    private static List<Choice> Choices(FlowTurn turn, int stage, IntakeAnswers answers, bool more)
    {
        var field = Stages[stage];
        Choice Option(string value) => new(value, turn.Localizer.Title(turn.Voice, $"plan.{field}.{value}"));
        var choices = field switch
        {
            "arrival" => [.. ArrivalChoices.Select(Option)],
            _ when more => [.. Remaining(field, answers).Select(Option), new Choice(Enough, turn.Localizer.Title(turn.Voice, "plan.thatsAll"))],
            IntakeValues.ChildrenField or IntakeValues.HasField => [.. IntakeValues.ValuesOf(field)!.Select(Option), Option(None)],
            _ => IntakeValues.ValuesOf(field)!.Select(Option).ToList(),
        };
        choices.Add(new Choice(Skip, turn.Localizer.Title(turn.Voice, "plan.skip"), [Skip]));
        return choices;
    }

    /// <summary>The question, after <paramref name="prefix"/> (what was changed or noted) or, when retrying, why it is asked again.</summary>
    private static Task AskAsync(
        FlowTurn turn, int stage, bool more, bool retry, CancellationToken cancellationToken, IntakeAnswers? answers = null, string? prefix = null)
    {
        var field = Stages[stage];
        var question = turn.Say(more ? $"plan.ask.{field}More" : $"plan.ask.{field}");

        // Not understood at the origin question is often a country it does not know: the groups are explained.
        var retryKey = field == IntakeValues.OriginField ? "plan.retry.origin" : "plan.retry";
        var text = retry ? turn.Say(retryKey) + "\n" + question : question;
        if (prefix is not null)
        {
            text = prefix + "\n" + question;
        }

        var buttons = Choices(turn, stage, answers ?? new IntakeAnswers(), more)
            .Select(c => new OfferedAction(c.DisplayTitle, FlowActions.PlanAnswer, c.Value))
            .ToList();
        return turn.SendAsync(text, buttons, cancellationToken);
    }
}
