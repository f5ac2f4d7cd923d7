using System.Globalization;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows;

/// <summary>
/// Every question of the flows that waits for the person's next message, as dialogs on one stack: confirm /delete,
/// ask what was missing, the 1–5 satisfaction rating, withdrawing a waiting request, the plan's intake, the language
/// switch question and a handoff waiting for privacy consent.
/// </summary>
public sealed class FlowDialogs
{
    public const string Delete = "delete";
    public const string Feedback = "feedback";
    public const string Satisfaction = "satisfaction";
    public const string Withdraw = "withdraw";

    /// <summary>
    /// The result when the message did not answer the waiting question (an optional rating that lapsed, a side question
    /// the message passed by): the bot reads the message as usual.
    /// </summary>
    public static readonly object NotAnAnswer = new();

    /// <summary>The <c>name</c> of the /delete confirmation: the web chat page then clears its screen and storage.</summary>
    public const string ErasedMarker = "conversationErased";
    private const string Confirm = "confirm";
    private const string Choice = "choice";
    private const string Text = "text";

    private readonly QuestionFlow _questions;
    private readonly CounselorFlow _counselor;
    private readonly MenuFlow _menu;
    private readonly PersonalDataEraser _eraser;
    private readonly HandoffQueue _queue;

    public FlowDialogs(
        FlowState state,
        QuestionFlow questions,
        CounselorFlow counselor,
        MenuFlow menu,
        PersonalDataEraser eraser,
        HandoffQueue queue,
        PlanIntakeDialog planIntake,
        LanguageSwitchDialog languageSwitch,
        HandoffConsentDialog handoffConsent)
    {
        _questions = questions;
        _counselor = counselor;
        _menu = menu;
        _eraser = eraser;
        _queue = queue;
        Set = new DialogSet(state.Dialogs)
            .Add(new ConfirmPrompt(Confirm))
            .Add(new ChoicePrompt(Choice))
            .Add(new TextPrompt(Text))
            .Add(planIntake)
            .Add(languageSwitch)
            .Add(handoffConsent)
            .Add(new WaterfallDialog(Delete, [AskDeleteAsync, DeleteAsync]))
            .Add(new WaterfallDialog(Feedback, [AskMissingAsync, RecordFeedbackAsync]))
            .Add(new WaterfallDialog(Satisfaction, [AskSatisfactionAsync, RecordSatisfactionAsync]))
            .Add(new WaterfallDialog(Withdraw, [AskWithdrawAsync, WithdrawAsync]));
    }

    public DialogSet Set { get; }

    private static Task<DialogTurnResult> AskDeleteAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        AskYesNoAsync(step, "delete.confirm", "delete.yes", "delete.no", cancellationToken);

    private static Task<DialogTurnResult> AskYesNoAsync(WaterfallStepContext step, string question, string yes, string no, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        return step.PromptAsync(Confirm, new PromptOptions
        {
            Prompt = new Activity { Text = turn.Say(question) },
            Choices =
            [
                new Choice(ConfirmPrompt.YesValue, turn.Localizer.Title(turn.Voice, yes)),
                new Choice(ConfirmPrompt.NoValue, turn.Localizer.Title(turn.Voice, no)),
            ],
            MaxRetries = 1,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> DeleteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        if (step.Result is true)
        {
            var done = turn.Say("delete.done");
            await _eraser.EraseAsync(turn, cancellationToken);
            await turn.Context.SendActivityAsync(new Activity { Text = done, TextFormat = "plain", Name = ErasedMarker }, cancellationToken);
            turn.Data = turn.Data with { Offered = [] };
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }

        // Asked in the middle of the plan's questions, the question comes again with its own buttons.
        var resumes = step.DialogContext.Stack.Any(d => d.Id == PlanIntakeDialog.DialogId);
        await turn.SayAsync("delete.cancelled", resumes ? null : _menu.MenuButtons(turn), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskMissingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        var buttons = new[] { turn.Button("feedback.skip", FlowActions.Menu), turn.Button("menu.counselor", FlowActions.Counselor) };
        return step.PromptAsync(Text, new PromptOptions
        {
            Prompt = new Activity
            {
                Text = turn.Say("feedback.askMissing"),
                SuggestedActions = new SuggestedActions([.. buttons.Select(b => CardAction.Im(b.Title))]),
            },
            MaxRetries = 0,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordFeedbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        var kind = step.Options<string>() == nameof(UnansweredKind.NoMatch) ? UnansweredKind.NoMatch : UnansweredKind.NegativeFeedback;
        var answer = step.ResultAs<string>();
        var wantsCounselor = Matches(answer, turn.Localizer.Title(turn.Voice, "menu.counselor"));
        var skipped = answer is null || wantsCounselor || Matches(answer, turn.Localizer.Title(turn.Voice, "feedback.skip"));
        var question = turn.Data.LastQuestion ?? string.Empty;
        var text = skipped ? question : (question.Length > 0 ? question + "\n— " + answer : answer!);
        if (text.Length > 0)
        {
            await _questions.RecordAsync(turn, text, kind, cancellationToken);
        }

        turn.Data = turn.Data with { CounselorReason = nameof(HandoffReason.NegativeFeedback) };

        // Ended before the request: a request may itself wait on the stack (for privacy consent).
        var ended = await step.EndDialogAsync(null, cancellationToken);
        if (wantsCounselor)
        {
            await _counselor.RequestAsync(turn, HandoffReason.NegativeFeedback, cancellationToken);
        }
        else if (!skipped && _questions.OtherQuestionIn(turn, answer!, turn.Data.LastTopic) is { } other)
        {
            await turn.SayAsync("feedback.recordedAnswer", cancellationToken: cancellationToken);
            await _questions.AnswerAsync(turn, other, null, cancellationToken);
        }
        else
        {
            await turn.SayAsync("feedback.recorded", [turn.Button("menu.counselor", FlowActions.Counselor), turn.Button("menu.back", FlowActions.Menu)], cancellationToken);
        }

        return ended;
    }

    private static Task<DialogTurnResult> AskSatisfactionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        return step.PromptAsync(Choice, new PromptOptions
        {
            Prompt = new Activity { Text = turn.Say("handoff.satisfactionQuestion") },
            Choices = [.. Enumerable.Range(1, 5).Select(i => new Choice(i.ToString(CultureInfo.InvariantCulture)))],
            // The rating is optional: anything else ends the offer and is handled as a normal message.
            MaxRetries = 0,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordSatisfactionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        if (step.ResultAs<FoundChoice>() is { } choice && step.Options<Guid?>() is { } requestId)
        {
            await _queue.RecordSatisfactionAsync(requestId, choice.Index + 1, cancellationToken);
            await turn.SayAsync("handoff.satisfactionThanks", _menu.MenuButtons(turn), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.EndDialogAsync(NotAnAnswer, cancellationToken);
    }

    // /menu while a request is open: never withdrawn silently, an urgent one least of all.
    private static Task<DialogTurnResult> AskWithdrawAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        AskYesNoAsync(step, "handoff.cancelConfirm", "handoff.cancelYes", "handoff.cancelNo", cancellationToken);

    private async Task<DialogTurnResult> WithdrawAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = FlowTurn.Of(step.Context);
        if (step.Result is true)
        {
            await _counselor.WithdrawAsync(turn, cancellationToken);
            await _menu.ShowMenuAsync(turn, cancellationToken);
        }
        else
        {
            await turn.SayAsync("handoff.keptWaiting", _menu.MenuButtons(turn), cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static bool Matches(string? text, string title) =>
        text is not null && TextNormalizer.Fold(text).Trim() == TextNormalizer.Fold(title).Trim();
}
