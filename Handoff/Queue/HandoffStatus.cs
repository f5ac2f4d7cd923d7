namespace IntegrationBot.Handoff.Queue;

/// <summary>Life cycle of a request: Waiting → Active → Closed (Active may return to Waiting on release or language transfer).</summary>
public enum HandoffStatus
{
    Waiting,
    Active,
    Closed,
}
