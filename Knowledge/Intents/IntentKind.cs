namespace IntegrationBot.Knowledge.Intents;

/// <summary>What a cue in intents.yaml signals.</summary>
public enum IntentKind
{
    None,
    Handoff,
    Emergency,
}
