using System.Text.Json;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>The bot's own user-facing strings, read from Flows/Localization so tests follow the translations.</summary>
internal static class Strings
{
    public static string Get(string language, string key)
    {
        var path = RepositoryRoot.Combine("Flows", "Localization", language + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty(key).GetString()!;
    }
}
