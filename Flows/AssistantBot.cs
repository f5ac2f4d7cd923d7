using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Commands;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows;

/// <summary>
/// IntegrationBot's conversation: first contact and language, privacy notice, menu, questions and answers, feedback,
/// emergency, commands and the counselor path. Message turns are routed: command → active dialog → pressed button → question.
/// </summary>
public sealed class AssistantBot(
    FlowState state,
    Localizer localizer,
    KnowledgeEngine engine,
    CommandReader commands,
    FlowDialogs dialogs,
    MenuFlow menu,
    QuestionFlow questions,
    CounselorFlow counselor,
    FirstContactFlow firstContact,
    PlanFlow plan,
    PlanCounter planCounter) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = await BeginAsync(turnContext, cancellationToken);
        var planBefore = turn.Data.Plan;
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id && m.Role != RoleTypes.Bot) == true)
        {
            await firstContact.OnConversationStartAsync(turn, cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Message && turn.Text.Length > 0)
        {
            await OnMessageAsync(turn, cancellationToken);
        }
        else if (activity is { Type: ActivityTypes.Event, Name: PlanFlow.ReturnedEvent } && turn.Data.Plan is not null)
        {
            // The web chat cannot be reached later, so a person who comes back to it sees their plan.
            await plan.ShowAsync(turn, cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Event && activity.Name == WidgetLocale.SetLanguageEvent
            && activity.Value is { ValueKind: System.Text.Json.JsonValueKind.String } chosen)
        {
            await firstContact.SetLanguageAsync(turn, chosen.GetString(), cancellationToken);
        }

        await EndAsync(turn, planBefore, cancellationToken);
    }

    /// <summary>Runs flow code in a proactive turn (counselor relay, satisfaction question) with the conversation's state.</summary>
    public async Task RunProactiveAsync(ITurnContext turnContext, Func<FlowTurn, DialogContext, Task> action, CancellationToken cancellationToken)
    {
        var turn = await BeginAsync(turnContext, cancellationToken);
        var planBefore = turn.Data.Plan;
        var dc = await dialogs.Set.CreateContextAsync(turnContext, cancellationToken);
        await action(turn, dc);
        await EndAsync(turn, planBefore, cancellationToken);
    }

    private async Task<FlowTurn> BeginAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await state.LoadAsync(turnContext, cancellationToken);
        var turn = new FlowTurn(turnContext, data, localizer)
        {
            Text = turnContext.TurnState.Get<string>(InputGuardMiddleware.CleanTextKey) ?? InputGuardMiddleware.Clean(turnContext.Activity.Text ?? string.Empty),
        };
        turnContext.TurnState.Set(FlowTurn.TurnStateKey, turn);
        WidgetLocale.Stamp(turnContext, turn);
        return turn;
    }

    private async Task EndAsync(FlowTurn turn, PersonalPlan? planBefore, CancellationToken cancellationToken)
    {
        if (!turn.Erased)
        {
            await state.SaveAsync(turn.Context, turn.Data, cancellationToken);
            await planCounter.CountAsync(planBefore, turn.Data.Plan, turn.Language, cancellationToken);
            if (turn.Data.Language is { } language)
            {
                await state.User.SetAsync(turn.Context, new UserProfile(language, turn.Data.Cyrillic), cancellationToken);
            }
        }
    }

    private async Task OnMessageAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var command = commands.Read(turn.Text);
        var dc = await dialogs.Set.CreateContextAsync(turn.Context, cancellationToken);
        if (command != FlowCommand.None)
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
            await RunCommandAsync(turn, dc, command, cancellationToken);
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            // Asking for a person, or danger, is never an answer to a prompt ("What were you looking for?" included).
            if (KnowledgeReading.Ask(turn.Context, engine, turn.Text, turn.Language) is { Decision: Decision.Handoff or Decision.Emergency } urgent)
            {
                await dc.CancelAllDialogsAsync(cancellationToken);
                await questions.AnswerAsync(turn, urgent, null, cancellationToken);
                return;
            }

            // A message that is not an answer to an optional question (the rating) is read as any other message.
            if (!ReferenceEquals((await dc.ContinueDialogAsync(cancellationToken)).Result, FlowDialogs.Lapsed))
            {
                return;
            }
        }

        if (CounselorFlow.IsOpen(turn.Data) && KnowledgeReading.Ask(turn.Context, engine, turn.Text, turn.Language) is { Decision: Decision.Emergency } danger)
        {
            // The relay let this through because it signals danger: numbers first, then the counselor sees it with high priority.
            await counselor.RelayAsync(turn.Data.HandoffId!.Value, turn.Text, cancellationToken);
            await questions.EmergencyAsync(turn, danger, cancellationToken);
            return;
        }

        var offered = firstContact.FindOffered(turn) ?? PlanFlow.SaidDone(turn);
        if (offered is null && turn.Data.Handoff == HandoffPhase.Waiting && CounselorFlow.IsOpen(turn.Data))
        {
            await AnswerWhileWaitingAsync(turn, cancellationToken);
            return;
        }

        if (offered is { } pressed)
        {
            turn.Data = turn.Data with { Offered = [] };
            await RunActionAsync(turn, dc, pressed, cancellationToken);
            return;
        }

        await firstContact.OnQuestionAsync(turn, cancellationToken);
    }

    private async Task RunCommandAsync(FlowTurn turn, DialogContext dc, FlowCommand command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case FlowCommand.Start:
            case FlowCommand.Language:
                await firstContact.ShowLanguagesAsync(turn, cancellationToken);
                break;
            case FlowCommand.Menu when CounselorFlow.IsOpen(turn.Data):
                await dc.BeginDialogAsync(FlowDialogs.Withdraw, null, cancellationToken);
                break;
            case FlowCommand.Menu:
                await menu.ShowMenuAsync(turn, cancellationToken);
                break;
            case FlowCommand.Counselor:
                await counselor.RequestAsync(turn, HandoffReason.AskedForHuman, cancellationToken);
                break;
            case FlowCommand.Privacy:
                await firstContact.ShowPrivacyAsync(turn, cancellationToken);
                break;
            case FlowCommand.Delete:
                await dc.BeginDialogAsync(FlowDialogs.Delete, null, cancellationToken);
                break;
            case FlowCommand.Plan:
                await StartOrShowPlanAsync(turn, dc, cancellationToken);
                break;
            case FlowCommand.Stop:
                await plan.SetRemindersAsync(turn, on: false, cancellationToken);
                break;
            default:
                await ShowHelpAsync(turn, cancellationToken);
                break;
        }
    }

    private async Task RunActionAsync(FlowTurn turn, DialogContext dc, OfferedAction pressed, CancellationToken cancellationToken)
    {
        switch (pressed.Action)
        {
            case FlowActions.Category:
                await menu.ShowCategoryAsync(turn, pressed.Argument ?? string.Empty, cancellationToken);
                break;
            case FlowActions.Topic:
                await questions.ShowTopicAsync(turn, pressed.Argument ?? string.Empty, null, cancellationToken);
                break;
            case FlowActions.Details:
                await questions.ShowDetailsAsync(turn, pressed.Argument ?? string.Empty, cancellationToken);
                break;
            case FlowActions.Menu:
                await menu.ShowMenuAsync(turn, cancellationToken);
                break;
            case FlowActions.HelpfulYes:
                await questions.CountFeedbackAsync(turn, helpful: true, cancellationToken);
                await turn.SayAsync("feedback.thanks", menu.MenuButtons(turn), cancellationToken);
                break;
            case FlowActions.HelpfulNo:
                await questions.CountFeedbackAsync(turn, helpful: false, cancellationToken);
                await dc.BeginDialogAsync(FlowDialogs.Feedback, nameof(UnansweredKind.NegativeFeedback), cancellationToken);
                break;
            case FlowActions.NoneOfThese:
                await dc.BeginDialogAsync(FlowDialogs.Feedback, nameof(UnansweredKind.NoMatch), cancellationToken);
                break;
            case FlowActions.Counselor:
                await counselor.RequestAsync(turn, ReasonFor(turn.Data), cancellationToken);
                break;
            case FlowActions.UrgentCounselor:
                await counselor.RequestAsync(turn, HandoffReason.Emergency, cancellationToken);
                break;
            case FlowActions.Help:
                await ShowHelpAsync(turn, cancellationToken);
                break;
            case FlowActions.Delete:
                await dc.BeginDialogAsync(FlowDialogs.Delete, null, cancellationToken);
                break;
            case FlowActions.Plan or FlowActions.PlanAnswer:
                await StartOrShowPlanAsync(turn, dc, cancellationToken);
                break;
            case FlowActions.PlanEdit:
                await dc.BeginDialogAsync(PlanIntakeDialog.DialogId, null, cancellationToken);
                break;
            case FlowActions.PlanDone:
                await plan.MarkDoneAsync(turn, pressed.Argument ?? string.Empty, cancellationToken);
                break;
            case FlowActions.PlanRemindYes or FlowActions.PlanRemindNo or FlowActions.PlanStop:
                await plan.SetRemindersAsync(turn, pressed.Action == FlowActions.PlanRemindYes, cancellationToken);
                break;
            default:
                await firstContact.RunActionAsync(turn, pressed, cancellationToken);
                break;
        }
    }

    /// <summary>"My first steps": the intake when there is no plan yet, otherwise the checklist.</summary>
    private async Task StartOrShowPlanAsync(FlowTurn turn, DialogContext dc, CancellationToken cancellationToken)
    {
        if (turn.Data.Plan is null)
        {
            await dc.BeginDialogAsync(PlanIntakeDialog.DialogId, null, cancellationToken);
            return;
        }

        await plan.ShowAsync(turn, cancellationToken);
    }

    // The message is already relayed to the request: answer what the knowledge base can, and say where the request
    // stands (once beside answers, every time for anything else, so no message goes unacknowledged).
    private async Task AnswerWhileWaitingAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var reading = KnowledgeReading.Ask(turn.Context, engine, turn.Text, turn.Language);
        var answerable = reading.Decision is Decision.Answer or Decision.Clarify;
        if (!answerable || !turn.Data.QueueReminded)
        {
            await counselor.SayStillQueuedAsync(turn, cancellationToken);
        }

        if (answerable)
        {
            await questions.AnswerAsync(turn, reading, null, cancellationToken);
        }
    }

    private static HandoffReason ReasonFor(ConversationData data) =>
        Enum.TryParse<HandoffReason>(data.CounselorReason, out var reason) ? reason : HandoffReason.AskedForHuman;

    private Task ShowHelpAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("help.text",
        [
            turn.Button("menu.back", FlowActions.Menu),
            turn.Button("language.changeButton", FlowActions.ChangeLanguage),
            turn.Button("menu.counselor", FlowActions.Counselor),
            turn.Button("help.privacyButton", FlowActions.Privacy),
            turn.Button("help.deleteButton", FlowActions.Delete),
        ], cancellationToken);
}
