namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>A web chat conversation as the page holds it.</summary>
public sealed record Conversation(string Id, string Token);
