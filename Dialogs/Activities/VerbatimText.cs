using System.Text.Json;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>
/// Marks an activity whose text is a person's own words (a counselor's message): channels send it exactly as written,
/// without reading the flows' <c>**bold**</c> markers in it (Telegram would turn <c>**word**</c> bold, Viber would drop
/// the asterisks). Kept in <c>channelData</c>, which Web Chat ignores on bot messages.
/// </summary>
public static class VerbatimText
{
    private const string Property = "verbatim";

    private static readonly JsonElement Marker = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [Property] = true });

    public static Activity Mark(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity with { ChannelData = Marker };
    }

    public static bool IsVerbatim(Activity activity) =>
        activity?.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(Property, out var value)
        && value.ValueKind == JsonValueKind.True;
}
