using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>A user or bot on a channel.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
