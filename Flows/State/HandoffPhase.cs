namespace IntegrationBot.Flows.State;

/// <summary>Who talks to the person: the bot, or (after a handoff) the counselor queue.</summary>
public enum HandoffPhase
{
    Bot,
    Waiting,
    WithCounselor,
    Closed,
}
