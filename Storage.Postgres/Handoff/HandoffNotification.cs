using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>The NOTIFY payload of a queue change: which instance made it, and the change (ids and status, never text).</summary>
internal sealed record HandoffNotification(string Origin, HandoffChange Change);
