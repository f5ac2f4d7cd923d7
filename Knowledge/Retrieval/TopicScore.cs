namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>A candidate topic and how well it matches the question (0..1).</summary>
public sealed record TopicScore(string Topic, double Score);
