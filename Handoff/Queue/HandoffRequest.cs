namespace IntegrationBot.Handoff.Queue;

/// <summary>A user's request for a counselor, with its transcript and history. Immutable; changes go through
/// <see cref="HandoffStateMachine"/> and are stored with optimistic concurrency on <see cref="Version"/>.</summary>
public sealed record HandoffRequest
{
    public required Guid Id { get; init; }
    public required ConversationAddress Address { get; init; }
    public required string Language { get; init; }
    public string? Topic { get; init; }
    public required HandoffReason Reason { get; init; }
    public required HandoffPriority Priority { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public HandoffStatus Status { get; init; } = HandoffStatus.Waiting;
    public string? AssignedCounselor { get; init; }

    /// <summary>Set when a counselor transfers to another language; routing uses it instead of <see cref="Language"/>.</summary>
    public string? RequestedLanguage { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? FirstClaimedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset LastUserActivityAt { get; init; }
    public DateTimeOffset? LastCounselorMessageAt { get; init; }
    public IReadOnlyList<TranscriptEntry> Transcript { get; init; } = [];
    public IReadOnlyList<HandoffNote> Notes { get; init; } = [];
    public string? Outcome { get; init; }
    public int? Satisfaction { get; init; }
    public long Version { get; init; }

    /// <summary>The language a counselor must speak to serve this request.</summary>
    public string RoutingLanguage => RequestedLanguage ?? Language;

    public bool IsOpen => Status != HandoffStatus.Closed;
}
