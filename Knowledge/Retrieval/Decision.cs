namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>What the bot should do with a message.</summary>
public enum Decision
{
    /// <summary>Nothing fits: offer the menu or a counselor.</summary>
    None,

    /// <summary>One topic fits confidently: show its answer.</summary>
    Answer,

    /// <summary>Several topics might fit: show the top three as choices.</summary>
    Clarify,

    /// <summary>The person asks for a human.</summary>
    Handoff,

    /// <summary>Danger to life or safety: show emergency numbers and flag a priority handoff.</summary>
    Emergency,

    /// <summary>The answers do not help ("this is useless"): offer a counselor instead of another topic.</summary>
    Frustration,

    /// <summary>Only a greeting: greet back and show what the assistant can do (never "no good answer").</summary>
    Greeting,

    /// <summary>Only thanks, "ok" or goodbye: say you're welcome (never "no good answer", never a topic list).</summary>
    Thanks,
}
