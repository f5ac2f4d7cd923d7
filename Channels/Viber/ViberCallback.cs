using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>One callback Viber posts to the webhook; which fields are set depends on <see cref="Event"/>.</summary>
public sealed record ViberCallback
{
    public const string Webhook = "webhook";
    public const string ConversationStarted = "conversation_started";
    public const string Subscribed = "subscribed";
    public const string Unsubscribed = "unsubscribed";
    public const string MessageEvent = "message";
    public const string Delivered = "delivered";
    public const string Seen = "seen";
    public const string Failed = "failed";

    [JsonPropertyName("event")] public string? Event { get; init; }
    [JsonPropertyName("timestamp")] public long? Timestamp { get; init; }
    [JsonPropertyName("message_token")] public long? MessageToken { get; init; }
    [JsonPropertyName("user_id")] public string? UserId { get; init; }
    [JsonPropertyName("sender")] public ViberUser? Sender { get; init; }
    [JsonPropertyName("user")] public ViberUser? User { get; init; }
    [JsonPropertyName("message")] public ViberInboundMessage? Message { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("context")] public string? Context { get; init; }
    [JsonPropertyName("subscribed")] public bool? IsSubscribed { get; init; }
}
