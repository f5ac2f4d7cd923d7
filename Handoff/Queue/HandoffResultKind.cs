namespace IntegrationBot.Handoff.Queue;

/// <summary>Expected outcomes of queue operations.</summary>
public enum HandoffResultKind
{
    Ok,
    NotFound,
    AlreadyTaken,
    NotHolder,
    InvalidState,
    InvalidInput,

    /// <summary>The person blocked the bot or left the channel; nothing was sent or stored.</summary>
    Unreachable,
}
