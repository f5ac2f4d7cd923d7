using IntegrationBot.Flows.Actions;

namespace IntegrationBot.Flows.Plan;

/// <summary>The "My first steps" buttons: open the plan (the intake the first time), edit it, mark a step done (or ask which), reminders.</summary>
public sealed class PlanActions(PlanFlow plan) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        [FlowActions.Plan] = (turn, _, ct) => StartOrShowAsync(plan, turn, ct),
        [FlowActions.PlanAnswer] = (turn, _, ct) => StartOrShowAsync(plan, turn, ct),
        [FlowActions.PlanEdit] = (turn, _, ct) => turn.Dialogs.BeginDialogAsync(PlanIntakeDialog.DialogId, null, ct),
        [FlowActions.PlanDone] = (turn, step, ct) => plan.MarkDoneAsync(turn, step ?? string.Empty, ct),
        [FlowActions.PlanDoneAsk] = (turn, step, ct) => plan.AskDoneAsync(turn, step ?? string.Empty, ct),
        [FlowActions.PlanRemindYes] = (turn, _, ct) => plan.SetRemindersAsync(turn, on: true, ct),
        [FlowActions.PlanRemindNo] = (turn, _, ct) => plan.SetRemindersAsync(turn, on: false, ct),
        [FlowActions.PlanStop] = (turn, _, ct) => plan.SetRemindersAsync(turn, on: false, ct),
    };

    /// <summary>
    /// "My first steps": the questions where they stopped when they were left part way (a person asked for in the
    /// middle), the intake when there is no plan yet, otherwise the checklist.
    /// </summary>
    private static Task StartOrShowAsync(PlanFlow plan, FlowTurn turn, CancellationToken cancellationToken) => turn.Data switch
    {
        { PlanDraft: { } draft } => turn.Dialogs.BeginDialogAsync(PlanIntakeDialog.DialogId, draft, cancellationToken),
        { Plan: null } => turn.Dialogs.BeginDialogAsync(PlanIntakeDialog.DialogId, null, cancellationToken),
        _ => plan.ShowAsync(turn, cancellationToken),
    };
}
