using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount(string Id, string? Name = null, bool? IsGroup = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
