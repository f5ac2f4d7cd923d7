using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>A button: <c>imBack</c> posts its value as the user's message, <c>postBack</c> sends it hidden, <c>openUrl</c> opens a link.</summary>
public sealed record CardAction(string Type, string Title, string? Value = null)
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static CardAction Im(string title, string? value = null) => new(ImBack, title, value ?? title);
}
