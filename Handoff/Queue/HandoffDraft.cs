namespace IntegrationBot.Handoff.Queue;

/// <summary>What the flows know when they ask for a counselor. Priority defaults from the reason; a null transcript
/// is filled from <see cref="Transcripts.ITranscriptStore"/>.</summary>
public sealed record HandoffDraft(
    ConversationAddress Address,
    string Language,
    string? Topic,
    HandoffReason Reason,
    HandoffPriority? Priority = null,
    IReadOnlyList<TranscriptEntry>? Transcript = null);
