using System.Text.Json.Serialization;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Handoff.Queue;

/// <summary>One message of a handoff conversation, as the counselor sees it.</summary>
public sealed record TranscriptEntry(DateTimeOffset At, TranscriptAuthor Author, string Text, string? CounselorName = null)
{
    /// <summary>A counselor message's id; its outbox entries carry it, so their delivery updates <see cref="Delivery"/>.</summary>
    public string? MessageId { get; init; }

    /// <summary>How far a counselor message got (null for other entries and for messages stored before it existed).</summary>
    public MessageDelivery? Delivery { get; init; }

    /// <summary>A user entry that is a pressed button's title ("Accept", "Talk to a counselor"), not the person's own words.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ButtonPressed { get; init; }
}
