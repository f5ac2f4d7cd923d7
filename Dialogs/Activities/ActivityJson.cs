using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Dialogs.Activities;

/// <summary>The one place that says how activities are written as JSON: camelCase, nulls omitted.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Arabic, Cyrillic and emoji stay readable in stored and logged JSON; HTML-safety is the renderer's job.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize<Activity>(json, Options);
}
