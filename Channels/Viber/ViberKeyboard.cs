using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>A custom keyboard: a grid 6 columns wide.</summary>
public sealed record ViberKeyboard(
    [property: JsonPropertyName("Buttons")] IReadOnlyList<ViberButton> Buttons,
    [property: JsonPropertyName("DefaultHeight")] bool DefaultHeight = false)
{
    [JsonPropertyName("Type")] public string Type { get; init; } = "keyboard";
}
