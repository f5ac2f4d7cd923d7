namespace IntegrationBot.Flows.State;

/// <summary>The person's answer to the privacy notice. Only <see cref="Accepted"/> allows transcripts and handoff with history.</summary>
public enum PrivacyChoice
{
    Unanswered,
    Accepted,
    Declined,
}
