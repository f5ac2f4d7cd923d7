using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Transcripts;

/// <summary>One user or bot message of a conversation, kept (only after the user accepted the privacy notice) so a counselor need not ask again.</summary>
public sealed record TranscriptMessage(string ChannelId, string ConversationId, string UserId, DateTimeOffset At, TranscriptAuthor Author, string Text);
