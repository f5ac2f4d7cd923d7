using System.Text.Json.Serialization;

namespace IntegrationBot.Channels.Viber;

/// <summary>A keyboard button; <c>reply</c> buttons send <see cref="ActionBody"/> back as the user's message.</summary>
public sealed record ViberButton(
    [property: JsonPropertyName("Columns")] int Columns,
    [property: JsonPropertyName("Rows")] int Rows,
    [property: JsonPropertyName("ActionType")] string ActionType,
    [property: JsonPropertyName("ActionBody")] string ActionBody,
    [property: JsonPropertyName("Text")] string Text);
