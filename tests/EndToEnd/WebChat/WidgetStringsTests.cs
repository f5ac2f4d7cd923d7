using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.TestSupport;

namespace IntegrationBot.EndToEnd.WebChat;

/// <summary>
/// Every string Web Chat uses (the en-US key set of the installed botframework-webchat) exists in each of the five
/// languages: for sl, en and ar the shipped bundle plus our overrides, for sq and hbs our own complete sets
/// (Bot/wwwroot/chat-strings.js). Placeholders ($1, [RETRY]) are kept as in en-US.
/// </summary>
public sealed partial class WidgetStringsTests
{
    // The Web Chat bundle each widget language resolves to (chat.js's locale, through Web Chat's normalizeLanguage).
    public static TheoryData<string, string?> Languages => new()
    {
        { "sl", "sl-SI" },
        { "en", "en-US" },
        { "ar", "ar-EG" },
        { "sq", null },
        { "hbs-Latn", null },
        { "hbs-Cyrl", null },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_string_Web_Chat_uses_exists_in_the_language(string language, string? bundle)
    {
        var english = Bundle("en-US");
        var strings = bundle is null ? [] : Bundle(bundle);
        foreach (var (key, value) in Overrides(language))
        {
            strings[key] = value;
        }

        var missing = english.Keys.Where(k => !strings.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks {missing.Count} Web Chat strings: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Our_strings_keep_Web_Chats_placeholders_and_name_only_keys_it_knows(string language, string? bundle)
    {
        _ = bundle;
        var english = Bundle("en-US");
        foreach (var (key, value) in Overrides(language))
        {
            Assert.True(english.ContainsKey(key), $"{language}: {key} is not a Web Chat string");
            var expected = Placeholders(english[key]);
            var actual = Placeholders(value);
            // A plural "one" form may write the count as a word or as $1: en-US says "1 attachment" but "$1 reference",
            // and in Bosnian/Croatian/Serbian 21 is "one" too ("21 prilog"), in Arabic only 1 ("مرفق واحد").
            if (key.Contains("_ONE", StringComparison.Ordinal))
            {
                actual.Remove("$1");
                expected.Remove("$1");
            }

            Assert.True(expected.SetEquals(actual), $"{language}: {key} has placeholders [{string.Join(' ', actual)}], en-US [{string.Join(' ', expected)}]");
        }
    }

    [Fact]
    public void Bosnian_Croatian_Serbian_Latin_uses_no_Croatian_only_words()
    {
        var text = string.Join("\n", Overrides("hbs-Latn").Values).ToLowerInvariant();
        foreach (var word in (string[])["čavrlj", "prosin", "povijest", "tipkovnic", "datoteka", "pogreška", "obavijest", "tipka"])
        {
            Assert.DoesNotContain(word, text);
        }
    }

    private static Dictionary<string, string> Bundle(string locale)
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

    /// <summary>The language's set in chat-strings.js (its object literal is JSON, so it is read without a JS engine).</summary>
    private static Dictionary<string, string> Overrides(string language)
    {
        var script = File.ReadAllText(RepositoryRoot.Combine("Bot", "wwwroot", "chat-strings.js"));
        var start = script.IndexOf('{', script.IndexOf("window.IntegrationBotWidgetStrings", StringComparison.Ordinal));
        var json = script[start..(script.LastIndexOf('}') + 1)];
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.TryGetProperty(language, out var set)
            ? set.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\$\d|\[RETRY\]")]
    private static partial Regex Placeholder();
}
