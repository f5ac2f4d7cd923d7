namespace IntegrationBot.Handoff.Queue;

/// <summary>What the user is told after asking for a counselor. Position is 1-based; NextOpening is set when the office is closed.</summary>
public sealed record HandoffTicket(
    Guid RequestId,
    int Position,
    TimeSpan EstimatedWait,
    bool OfficeOpen,
    DateTimeOffset? NextOpening,
    bool Reused);
