namespace IntegrationBot.Knowledge.Content;

/// <summary>When the facts of a topic in one language were last checked against its sources, and by whom.</summary>
public sealed record TopicReview(DateOnly On, string By);
