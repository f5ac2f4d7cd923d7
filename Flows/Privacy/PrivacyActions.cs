using IntegrationBot.Flows.Actions;

namespace IntegrationBot.Flows.Privacy;

/// <summary>The privacy buttons: the notice, more about it, accept, decline, and deleting the conversation.</summary>
public sealed class PrivacyActions(PrivacyNotice notice) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        [FlowActions.Privacy] = (turn, _, ct) => notice.ShowRequestedAsync(turn, ct),
        [FlowActions.PrivacyMore] = (turn, _, ct) => notice.ShowMoreAsync(turn, ct),
        [FlowActions.PrivacyAccept] = (turn, _, ct) => notice.AcceptAsync(turn, ct),
        [FlowActions.PrivacyDecline] = (turn, _, ct) => notice.DeclineAsync(turn, ct),
        [FlowActions.Delete] = (turn, _, ct) => turn.Dialogs.BeginDialogAsync(FlowDialogs.Delete, null, ct),
    };
}
