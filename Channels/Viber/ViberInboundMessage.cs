using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>The <c>message</c> object of a <c>message</c> callback.</summary>
public sealed record ViberInboundMessage(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("tracking_data")] string? TrackingData = null);
