namespace IntegrationBot.Handoff.Feedback;

/// <summary>Why a question shows up on the dashboard as a knowledge-base gap.</summary>
public enum UnansweredKind
{
    NoMatch,
    NegativeFeedback,
}
