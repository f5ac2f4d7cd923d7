using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;

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
        var english = WidgetStrings.Bundle("en-US");
        var strings = bundle is null ? [] : WidgetStrings.Bundle(bundle);
        foreach (var (key, value) in WidgetStrings.Overrides(language))
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
        var english = WidgetStrings.Bundle("en-US");
        foreach (var (key, value) in WidgetStrings.Overrides(language))
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

    // Seen in Chromium: the language bar and the landing text were named "Language" and "About this chat" to a screen
    // reader in every language.
    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_word_of_the_page_exists_in_the_language(string language, string? bundle)
    {
        _ = bundle;
        var english = WidgetStrings.Page("en");
        var words = WidgetStrings.Page(language);
        Assert.Equal(["about", "languages", "title", "unavailable"], english.Keys.Order());
        Assert.Equal(english.Keys.Order(), words.Keys.Order());
        Assert.All(words, w => Assert.False(string.IsNullOrWhiteSpace(w.Value), $"{language}: '{w.Key}' is empty"));
        if (language != "en")
        {
            Assert.All(words, w => Assert.NotEqual(english[w.Key], w.Value));
        }
    }

    // Seen in Chromium: Web Chat's Arabic bundle (ar-EG) spells the "Sending" status "أرسال" (a hamza that is not
    // there), shown under every message while it is sent.
    [Fact]
    public void Arabic_says_sending_without_the_bundles_misspelling()
    {
        var shown = WidgetStrings.Overrides("ar").GetValueOrDefault("ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING")
            ?? WidgetStrings.Bundle("ar-EG")["ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING"];
        Assert.NotEqual("أرسال", shown);
        Assert.Contains("الإرسال", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Bosnian_Croatian_Serbian_Latin_uses_no_Croatian_only_words()
    {
        var text = string.Join("\n", WidgetStrings.Overrides("hbs-Latn").Values).ToLowerInvariant();
        foreach (var word in (string[])["čavrlj", "prosin", "povijest", "tipkovnic", "datoteka", "pogreška", "obavijest", "tipka"])
        {
            Assert.DoesNotContain(word, text);
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\$\d|\[RETRY\]")]
    private static partial Regex Placeholder();
}
