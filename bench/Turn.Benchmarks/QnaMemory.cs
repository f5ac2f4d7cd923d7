namespace IntegrationBot.Turn.Benchmarks;

/// <summary>What the stand-in Q&amp;A bot remembers per conversation: the language it last answered in.</summary>
public sealed record QnaMemory(string? Language, int Questions);
