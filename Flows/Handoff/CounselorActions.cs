using IntegrationBot.Flows.Actions;
using IntegrationBot.Flows.State;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Handoff;

/// <summary>The counselor buttons: "talk to a person" (for the reason the last answer set) and the urgent one.</summary>
public sealed class CounselorActions(CounselorFlow counselor) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        [FlowActions.Counselor] = (turn, _, ct) => counselor.RequestAsync(turn, ReasonFor(turn.Data), ct),
        [FlowActions.UrgentCounselor] = (turn, _, ct) => counselor.RequestAsync(turn, HandoffReason.Emergency, ct),
    };

    private static HandoffReason ReasonFor(ConversationData data) =>
        Enum.TryParse<HandoffReason>(data.CounselorReason, out var reason) ? reason : HandoffReason.AskedForHuman;
}
