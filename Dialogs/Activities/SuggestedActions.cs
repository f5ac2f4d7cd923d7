using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>Quick-reply buttons shown under the last bot message.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
