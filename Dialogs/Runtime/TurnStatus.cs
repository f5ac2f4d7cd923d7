namespace IntegrationBot.Dialogs.Runtime;

/// <summary>What happened to an incoming activity.</summary>
public enum TurnStatus
{
    /// <summary>The turn ran and its state and replies were committed.</summary>
    Processed,

    /// <summary>The inbound id was processed before; the activity was acknowledged and ignored.</summary>
    Duplicate,
}
