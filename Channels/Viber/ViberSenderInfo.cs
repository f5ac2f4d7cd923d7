using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>The <c>sender</c> of an outgoing message; <see cref="Name"/> at most 28 characters.</summary>
public sealed record ViberSenderInfo([property: JsonPropertyName("name")] string Name);
