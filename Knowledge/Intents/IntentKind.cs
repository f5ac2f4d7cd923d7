namespace IntegrationBot.Knowledge.Intents;

/// <summary>What a cue in intents.yaml signals.</summary>
public enum IntentKind
{
    None,
    Handoff,
    Emergency,

    /// <summary>The person says the answers do not help ("this is useless"): offer a counselor, not another topic.</summary>
    Frustration,

    /// <summary>The message is only a greeting ("hi", "dober dan", "السلام عليكم"): nothing to look up.</summary>
    Greeting,

    /// <summary>The message is only thanks or a closing word ("thank you", "ok", "hvala", "شكرا"): nothing to look up.</summary>
    Thanks,
}
