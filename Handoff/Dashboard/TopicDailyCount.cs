namespace IntegrationBot.Handoff.Dashboard;

/// <summary>
/// A counter of one knowledge topic on one local day: how often it answered a question, 👍, 👎. No person,
/// conversation, language or question text in it, so the editor's browse list can show it without personal data.
/// </summary>
public sealed record TopicDailyCount(DateOnly Date, string Topic, TopicCountKind Kind, int Count);
