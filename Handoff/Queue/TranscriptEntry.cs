namespace IntegrationBot.Handoff.Queue;

/// <summary>One message of a handoff conversation, as the counselor sees it.</summary>
public sealed record TranscriptEntry(DateTimeOffset At, TranscriptAuthor Author, string Text, string? CounselorName = null);
