using System.Text.Json;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>Web Chat's installed string bundles and our overrides in Bot/wwwroot/chat-strings.js.</summary>
internal static class WidgetStrings
{
    /// <summary>A bundle of the installed botframework-webchat (e.g. en-US: every string Web Chat uses).</summary>
    public static Dictionary<string, string> Bundle(string locale)
    {
        var path = RepositoryRoot.Combine("Bot", "webchat", "node_modules", "botframework-webchat-api", "lib", "localization", locale + ".json");
        if (!File.Exists(path))
        {
            Assert.Skip($"Web Chat is not installed ({path}; npm ci in Bot/webchat, as the build does)");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_') && p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    /// <summary>The language's set in chat-strings.js (its object literal is JSON, so it is read without a JavaScript engine).</summary>
    public static Dictionary<string, string> Overrides(string language) => Set("window.IntegrationBotWidgetStrings", language);

    /// <summary>The page's own words in chat-strings.js (region names for a screen reader, "the chat is not available").</summary>
    public static Dictionary<string, string> Page(string language) => Set("window.IntegrationBotPageStrings", language);

    private static Dictionary<string, string> Set(string variable, string language)
    {
        var script = File.ReadAllText(RepositoryRoot.Combine("Bot", "wwwroot", "chat-strings.js"));
        var start = script.IndexOf('{', script.IndexOf(variable + " =", StringComparison.Ordinal));
        // One JSON value from there; what follows it (the next assignment) is not read.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(script[start..]), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        using var doc = JsonDocument.ParseValue(ref reader);
        return doc.RootElement.TryGetProperty(language, out var set)
            ? set.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
    }
}
