using IntegrationBot.Flows.Actions;

namespace IntegrationBot.Flows.Plan;

/// <summary>The "My first steps" buttons: open the plan (the intake the first time), edit it, mark a step done (or ask which), reminders.</summary>
public sealed class PlanActions(PlanFlow plan) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        [FlowActions.Plan] = (turn, _, ct) => plan.StartOrShowAsync(turn, ct),
        [FlowActions.PlanAnswer] = (turn, _, ct) => plan.StartOrShowAsync(turn, ct),
        [FlowActions.PlanEdit] = (turn, _, ct) => turn.Dialogs.BeginDialogAsync(PlanIntakeDialog.DialogId, null, ct),
        [FlowActions.PlanDone] = (turn, step, ct) => plan.MarkDoneAsync(turn, step ?? string.Empty, ct),
        [FlowActions.PlanDoneAsk] = (turn, step, ct) => plan.AskDoneAsync(turn, step ?? string.Empty, ct),
        [FlowActions.PlanRemindYes] = (turn, _, ct) => plan.SetRemindersAsync(turn, on: true, ct),
        [FlowActions.PlanRemindNo] = (turn, _, ct) => plan.SetRemindersAsync(turn, on: false, ct),
        [FlowActions.PlanStop] = (turn, _, ct) => plan.SetRemindersAsync(turn, on: false, ct),
    };
}
