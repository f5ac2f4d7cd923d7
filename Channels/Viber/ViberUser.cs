using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>A Viber user as callbacks describe them (<c>sender</c> or <c>user</c>).</summary>
public sealed record ViberUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("language")] string? Language = null,
    [property: JsonPropertyName("country")] string? Country = null,
    [property: JsonPropertyName("api_version")] int? ApiVersion = null);
