using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationBot.Handoff.Storage;

/// <summary>The one JSON setting of Handoff: stored documents, API responses and exports.</summary>
public static class HandoffJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
