namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Result of <see cref="ITurnStore.CommitAsync"/>.</summary>
public enum CommitOutcome
{
    Committed,

    /// <summary>A state document changed since it was read; nothing was written and the turn should be rerun.</summary>
    Conflict,

    /// <summary>The inbound id was already committed by another turn; nothing was written.</summary>
    Duplicate,
}
