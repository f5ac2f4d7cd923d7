namespace IntegrationBot.Handoff.Dashboard;

/// <summary>What a topic counter counts.</summary>
public enum TopicCountKind
{
    /// <summary>A typed question was answered with the topic.</summary>
    Asked,

    /// <summary>👍 under the topic's answer.</summary>
    Helpful,

    /// <summary>👎 under the topic's answer.</summary>
    NotHelpful,
}
