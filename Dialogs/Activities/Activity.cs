using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>One Bot Framework activity, wire-compatible with the Activity schema (camelCase JSON, nulls omitted).</summary>
/// <remarks>Unknown fields land in <see cref="Extra"/> so that an activity survives a round-trip through our code unchanged.</remarks>
public sealed record Activity
{
    public string Type { get; init; } = ActivityTypes.Message;
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? InputHint { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The address of this activity's conversation, kept to send into it later.</summary>
    public ConversationReference GetConversationReference() => new(
        ChannelId ?? throw new InvalidOperationException("The activity has no channelId."),
        Conversation ?? throw new InvalidOperationException("The activity has no conversation."),
        From,
        Recipient,
        ServiceUrl,
        Locale,
        Id);

    /// <summary>A message from the bot back into the conversation this activity came from.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient is null ? null : Recipient with { Role = RoleTypes.Bot },
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };
}
