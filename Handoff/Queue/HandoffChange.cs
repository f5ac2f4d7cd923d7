namespace IntegrationBot.Handoff.Queue;

/// <summary>A change published to console streams; carries no message text so it is safe to fan out.</summary>
public sealed record HandoffChange(Guid RequestId, HandoffStatus Status, string Kind, string? Counselor);
