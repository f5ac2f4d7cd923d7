using System.Text.Json.Serialization;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Transcripts;

/// <summary>One user or bot message of a conversation, kept (only after the user accepted the privacy notice) so a counselor need not ask again.</summary>
public sealed record TranscriptMessage(string ChannelId, string ConversationId, string UserId, DateTimeOffset At, TranscriptAuthor Author, string Text)
{
    /// <summary>
    /// Names this line within its conversation (e.g. the activity it records); a store keeps at most one line per id, so
    /// a turn rerun after an eTag conflict does not write its lines twice. Null: always appended. Not part of the
    /// stored or exported JSON.
    /// </summary>
    [JsonIgnore]
    public string? LineId { get; init; }

    /// <summary>The person pressed a button (or typed its title): the text is the button's, not the person's own words.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ButtonPressed { get; init; }
}
