namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>The NOTIFY payload of a publish: which instance published, and which topic.</summary>
public sealed record KnowledgeNotification(string Origin, string Topic);
