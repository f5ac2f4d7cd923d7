using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>The <c>send_message</c> body; without <see cref="Receiver"/> it is the welcome answer to <c>conversation_started</c>.</summary>
public sealed record ViberSendMessage
{
    [JsonPropertyName("receiver")] public string? Receiver { get; init; }
    [JsonPropertyName("min_api_version")] public int MinApiVersion { get; init; } = 1;
    [JsonPropertyName("sender")] public required ViberSenderInfo Sender { get; init; }
    [JsonPropertyName("tracking_data")] public string? TrackingData { get; init; }
    [JsonPropertyName("type")] public string Type { get; init; } = "text";
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("keyboard")] public ViberKeyboard? Keyboard { get; init; }
}
