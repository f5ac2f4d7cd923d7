namespace IntegrationBot.Handoff.Queue;

/// <summary>Why a request was closed automatically.</summary>
public enum HandoffTimeoutReason
{
    Unclaimed,
    UserSilent,
}
