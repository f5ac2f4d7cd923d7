using System.Text.Json;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>
/// Marks a message the channel knows came from a button, not from the keyboard (a Telegram callback query), in
/// <c>channelData.postBack</c> as Web Chat marks its postBack buttons. The text is the same either way; only a press
/// can be a button of an earlier message: typed, a language's name alone is a question about the language.
/// </summary>
public static class ButtonPress
{
    private const string Property = "postBack";

    private static readonly JsonElement Marker = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [Property] = true });

    public static Activity Mark(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity with { ChannelData = Marker };
    }

    public static bool IsPress(Activity activity) =>
        activity?.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(Property, out var value)
        && value.ValueKind == JsonValueKind.True;
}
