namespace IntegrationBot.Turn.Benchmarks;

/// <summary>One button of the peer flow and the answer it leads to.</summary>
public sealed record PeerFlowChoice(string Title, string Answer);
