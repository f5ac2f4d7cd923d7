namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// The NOTIFY payload of a publish: which instance published, and which topic, or (<see cref="Entry"/> set) which
/// local directory entry.
/// </summary>
public sealed record KnowledgeNotification(string Origin, string Topic, string? Entry = null);
