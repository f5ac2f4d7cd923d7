using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.Actions;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Commands;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows;

/// <summary>
/// IntegrationBot's conversation: first contact and language, privacy notice, menu, questions and answers, feedback,
/// emergency, commands and the counselor path. Message turns are routed: command → waiting dialog → pressed button
/// (under the last message, or an earlier one's that keeps its meaning; the <see cref="FlowActionTable"/>) → a plain
/// request for a language → typed question.
/// </summary>
public sealed class AssistantBot(
    FlowState state,
    Localizer localizer,
    KnowledgeEngine engine,
    CommandReader commands,
    FlowDialogs dialogs,
    FlowActionTable actions,
    QuestionFlow questions,
    QuestionRouter typedQuestions,
    CounselorFlow counselor,
    LanguageChoice languages,
    LanguageRequestReader languageRequests,
    TypedYesNoReader typedYesNo,
    EarlierButtons earlierButtons,
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
            await languages.OnConversationStartAsync(turn, cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Message && turn.Text.Length > 0)
        {
            await OnMessageAsync(turn, cancellationToken);
            if (turn.Data.Plan is not null)
            {
                plan.Seen(turn);
            }
        }
        else if (activity is { Type: ActivityTypes.Event, Name: PlanFlow.ReturnedEvent } && turn.Data.Plan is not null)
        {
            // The web chat cannot be reached later, so a person who comes back to it after a while sees their plan; but
            // not after a reload in the middle of a conversation, nor into a conversation with a counselor or an open
            // question, where the checklist and its buttons came between a reply and the person's answer.
            if (plan.Seen(turn) && !CounselorFlow.IsOpen(turn.Data) && turn.Dialogs.ActiveDialog is null)
            {
                await plan.ShowAsync(turn, cancellationToken);
            }
        }
        else if (activity.Type == ActivityTypes.Event && activity.Name == WidgetLocale.SetLanguageEvent
            && activity.Value is { ValueKind: System.Text.Json.JsonValueKind.String } chosen)
        {
            await languages.SetLanguageAsync(turn, chosen.GetString(), cancellationToken);
        }

        await EndAsync(turn, planBefore, cancellationToken);
    }

    /// <summary>Runs flow code in a proactive turn (counselor relay, satisfaction question) with the conversation's state.</summary>
    public async Task RunProactiveAsync(ITurnContext turnContext, Func<FlowTurn, DialogContext, Task> action, CancellationToken cancellationToken)
    {
        var turn = await BeginAsync(turnContext, cancellationToken);
        var planBefore = turn.Data.Plan;
        await action(turn, turn.Dialogs);
        await EndAsync(turn, planBefore, cancellationToken);
    }

    private async Task<FlowTurn> BeginAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await state.LoadAsync(turnContext, cancellationToken);
        var dc = await dialogs.Set.CreateContextAsync(turnContext, cancellationToken);
        var turn = new FlowTurn(turnContext, data, localizer, dc) { Text = InputGuardMiddleware.CleanTextOf(turnContext) }.Attach();
        WidgetLocale.Stamp(turnContext, turn);
        SensitiveMark.Stamp(turnContext, turn);
        await HandoffConsentDialog.AdoptEarlierAsync(turn, cancellationToken);
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
        // Whatever the message answers (a button title typed or tapped in Cyrillic included), Cyrillic letters mean the
        // person writes Cyrillic. Only a typed question turns it back (QuestionRouter): button values are Latin.
        if (turn.Data.Language == Language.Bcs && WritingScript.HasCyrillic(turn.Text))
        {
            turn.Data = turn.Data with { Cyrillic = true };
        }

        var command = commands.Read(turn.Text);
        var dc = turn.Dialogs;
        if (command != FlowCommand.None)
        {
            // /delete in the middle of the plan's questions asks on top of them: "no" goes back to the question.
            if (command != FlowCommand.Delete || dc.ActiveDialog?.Id != PlanIntakeDialog.DialogId)
            {
                await StopPlanQuestionsAsync(turn, command == FlowCommand.Counselor, cancellationToken);
            }

            await RunCommandAsync(turn, command, cancellationToken);
            return;
        }

        if (dc.ActiveDialog is { } active)
        {
            // Asking for a person, or danger, is never an answer to a prompt ("What were you looking for?" included).
            // A side question takes only its own buttons and lets such a message through to be read as usual.
            if (dc.FindDialog(active.Id) is not ISideQuestion
                && KnowledgeReading.Ask(turn.Context, engine, turn.Text, turn.Language) is { Decision: Decision.Handoff or Decision.Emergency } urgent)
            {
                await StopPlanQuestionsAsync(turn, urgent.Decision == Decision.Handoff, cancellationToken);
                await questions.AnswerAsync(turn, urgent, null, cancellationToken);
                return;
            }

            // "english please" is not an answer either: the waiting question was skipped as unreadable.
            if (dc.FindDialog(active.Id) is not ISideQuestion && languageRequests.Read(turn.Text) is { } asked)
            {
                await languages.ChooseAsync(turn, asked.Language, cancellationToken, asked.Cyrillic);
                return;
            }

            // Nor is a language tapped on an earlier chooser (Telegram keeps every message's buttons).
            if (dc.FindDialog(active.Id) is not ISideQuestion && earlierButtons.Find(turn) is { Action: FlowActions.Language } chosen)
            {
                await actions.RunAsync(turn, chosen, cancellationToken);
                return;
            }

            // Nor is a button of an earlier message the words the 👎 question waits for (Telegram's tap on an old answer's
            // "More details" became the written reason): the question is dropped and the press read below. The plan's
            // questions read their own earlier buttons (a changed answer).
            if (dc.Stack.Any(d => d.Id == FlowDialogs.Feedback) && ButtonPress.IsPress(turn.Context.Activity) && ButtonMatcher.Find(turn) is null)
            {
                await HandoffConsentDialog.CancelOthersAsync(dc, cancellationToken);
            }

            // A message that does not answer the waiting question (a lapsed rating, a side question) is read as any other.
            else if (!ReferenceEquals((await dc.ContinueDialogAsync(cancellationToken)).Result, FlowDialogs.NotAnAnswer))
            {
                return;
            }
        }

        if (CounselorFlow.IsOpen(turn.Data) && KnowledgeReading.Ask(turn.Context, engine, turn.Text, turn.Language) is { Decision: Decision.Emergency } danger)
        {
            // The relay let this through because it signals danger: numbers first, then the counselor sees it with high priority.
            await counselor.RelayAsync(turn.Data.HandoffId!.Value, turn.Text, buttonPressed: false, cancellationToken);
            await questions.EmergencyAsync(turn, danger, cancellationToken);
            return;
        }

        // A press is never a typed yes: 👍 of an earlier answer read so accepted the privacy notice unseen.
        var isPress = ButtonPress.IsPress(turn.Context.Activity);
        var offered = ButtonMatcher.Find(turn) ?? earlierButtons.Find(turn) ?? (isPress ? null : typedYesNo.Read(turn)) ?? plan.SaidDone(turn);
        if (offered is null && isPress)
        {
            // A button of an earlier message whose meaning went with it ("More details" or 👍 of another answer): read as
            // typed text it got "no good answer". Say so; the last message's buttons keep working.
            var kept = turn.Data.Offered;
            await turn.SayAsync("button.earlier", cancellationToken: cancellationToken);
            turn.Data = turn.Data with { Offered = kept };
            return;
        }

        if (offered is null && languageRequests.Read(turn.Text) is { } requested)
        {
            // "english please", "po slovensko": the same as the language buttons, also while a request waits.
            await languages.ChooseAsync(turn, requested.Language, cancellationToken, requested.Cyrillic);
            return;
        }

        if (offered is null && turn.Data.Handoff == HandoffPhase.Waiting && CounselorFlow.IsOpen(turn.Data))
        {
            await AnswerWhileWaitingAsync(turn, cancellationToken);
            return;
        }

        if (offered is { } pressed)
        {
            turn.Data = turn.Data with { Offered = [] };
            await actions.RunAsync(turn, pressed, cancellationToken);
            return;
        }

        await typedQuestions.AnswerAsync(turn, cancellationToken);
    }

    // Cancels the waiting questions (a request waiting for consent keeps waiting). A person asked for in the middle of
    // the plan's questions is told they stopped, before the request's reply (whose buttons stay the last ones), so the
    // next answer is not read as a question; an emergency's numbers come without it.
    private static async Task StopPlanQuestionsAsync(FlowTurn turn, bool askedForPerson, CancellationToken cancellationToken)
    {
        var dc = turn.Dialogs;
        var intake = dc.Stack.LastOrDefault(d => d.Id == PlanIntakeDialog.DialogId);
        await HandoffConsentDialog.CancelOthersAsync(dc, cancellationToken);
        if (intake is null)
        {
            return;
        }

        // The answers so far are kept: /plan goes on from them, and the counselor asked for can see them.
        var draft = PlanIntakeDialog.DraftOf(intake);
        turn.Data = turn.Data with { PlanDraft = draft };
        if (askedForPerson)
        {
            await turn.SayAsync(draft is null ? "plan.stopped" : "plan.stoppedKept", cancellationToken: cancellationToken);
        }
    }

    // A command is a typed name for a button, except where it means more: /menu while a request is open asks whether
    // to withdraw it, and /counselor is a plain request for a person whatever the last answer was.
    private Task RunCommandAsync(FlowTurn turn, FlowCommand command, CancellationToken cancellationToken) => command switch
    {
        FlowCommand.Start or FlowCommand.Language => actions.RunAsync(turn, FlowActions.ChangeLanguage, null, cancellationToken),
        FlowCommand.Menu when CounselorFlow.IsOpen(turn.Data) => turn.Dialogs.BeginDialogAsync(FlowDialogs.Withdraw, null, cancellationToken),
        FlowCommand.Menu => actions.RunAsync(turn, FlowActions.Menu, null, cancellationToken),
        FlowCommand.Counselor => counselor.RequestAsync(turn, HandoffReason.AskedForHuman, cancellationToken),
        FlowCommand.Privacy => actions.RunAsync(turn, FlowActions.Privacy, null, cancellationToken),
        FlowCommand.Delete => actions.RunAsync(turn, FlowActions.Delete, null, cancellationToken),
        FlowCommand.Plan => actions.RunAsync(turn, FlowActions.Plan, null, cancellationToken),
        FlowCommand.Stop => actions.RunAsync(turn, FlowActions.PlanStop, null, cancellationToken),
        _ => actions.RunAsync(turn, FlowActions.Help, null, cancellationToken),
    };

    // The message is already relayed to the request: answer what the knowledge base can, and say where the request
    // stands (once beside answers, every time for anything else, so no message goes unacknowledged).
    private async Task AnswerWhileWaitingAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var reading = KnowledgeReading.Ask(turn.Context, engine, turn.Text, turn.Language);
        // While an urgent request waits, the person writes what happened, as asked: "I am at the bus station with my
        // kids" answered with the bus timetables, or a choice of topics, reads as not listening, so what tells is only
        // acknowledged; what asks ("where can we sleep tonight") is still answered.
        var answerable = reading.Decision is Decision.Answer or Decision.Clarify
            && (questions.Asks(turn.Text, reading.Language) || !await counselor.IsUrgentAsync(turn, cancellationToken));
        if (!answerable || !turn.Data.QueueReminded)
        {
            await counselor.SayStillQueuedAsync(turn, cancellationToken);
        }

        // Written in another language: asked whether to go on in it, as outside a request; the answer follows the reply.
        if (await typedQuestions.AskToSwitchAsync(turn, reading, cancellationToken))
        {
            return;
        }

        if (answerable)
        {
            await questions.AnswerAsync(turn, reading, null, cancellationToken);
        }
    }
}
