namespace IntegrationBot.Handoff.Queue;

/// <summary>Higher values are served first.</summary>
public enum HandoffPriority
{
    Normal = 0,
    Sensitive = 1,
    Emergency = 2,
}
