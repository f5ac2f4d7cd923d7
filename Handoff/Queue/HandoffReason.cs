namespace IntegrationBot.Handoff.Queue;

/// <summary>Why the conversation was handed to a counselor.</summary>
public enum HandoffReason
{
    AskedForHuman,
    LowConfidence,
    NegativeFeedback,
    Sensitive,
    Emergency,
}
