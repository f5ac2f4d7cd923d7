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
}
