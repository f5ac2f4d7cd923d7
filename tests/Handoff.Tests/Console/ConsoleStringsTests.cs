using System.Text.RegularExpressions;
using IntegrationBot.Handoff.Console;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// The console's own words are in all five languages: every key of strings-en.js has a text in each strings-*.js, with
/// the same {placeholders}, and every text index.html and the scripts name has a key. Read from the files the console
/// serves (embedded in the Handoff assembly).
/// </summary>
public sealed partial class ConsoleStringsTests
{
    private static readonly string[] Scripts =
    [
        "console.js", "api.js", "session.js", "code-words.js", "live-stream.js", "alerts.js", "request-lists.js", "conversation.js",
        "conversation-actions.js", "dashboard.js", "canned-responses.js", "admin.js", "plans.js", "reply-box.js", "new-lines.js",
    ];

    [Theory]
    [InlineData("sl")]
    [InlineData("en")]
    [InlineData("sq")]
    [InlineData("hbs")]
    [InlineData("ar")]
    public void Every_key_has_a_text_in_the_language_with_the_english_placeholders(string language)
    {
        var english = Table("en");
        var table = Table(language);

        Assert.True(english.Count > 200, $"only {english.Count} English keys read");
        Assert.Empty(Bases(english).Except(Bases(table)));
        Assert.Empty(Bases(table).Except(Bases(english)));
        Assert.All(table, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{language} {entry.Key} is empty"));
        foreach (var plural in english.Keys.Where(k => k.EndsWith("_other", StringComparison.Ordinal)))
        {
            Assert.True(table.ContainsKey(plural), $"{language} lacks {plural}");
        }

        foreach (var (key, text) in table)
        {
            var plural = Base(key) != key;
            var expected = Placeholders(english[plural ? $"{Base(key)}_other" : key]);
            var actual = Placeholders(text);
            // A plural form may say "one" or "two" instead of {n}; nothing else may go missing or be invented.
            Assert.True(plural ? actual.IsSubsetOf(expected) : actual.SetEquals(expected),
                $"{language} {key}: {{{string.Join(", ", actual)}}} against English {{{string.Join(", ", expected)}}}");
        }
    }

    [Fact]
    public void Every_text_the_page_and_its_scripts_name_has_an_english_key()
    {
        var english = Table("en");

        var page = Served("index.html");
        var named = DataT().Matches(page).Select(m => m.Groups["key"].Value).ToList();
        var used = Scripts.SelectMany(file => UsedKey().Matches(Served(file)).Select(m => m.Groups["key"].Value)).ToList();

        Assert.Contains("tabQueue", named);
        Assert.Contains("newLines", used);
        Assert.Empty(named.Concat(used).Where(key => !english.ContainsKey(key) && !english.ContainsKey($"{key}_other")).Distinct());
    }

    [Fact]
    public void No_code_of_the_api_is_shown_as_it_is_in_english()
    {
        // 'kind.noMatch' once read 'noMatch' on the English dashboard: a code is not words.
        var english = Table("en");

        var codes = english.Where(entry => entry.Key.Contains('.', StringComparison.Ordinal) && entry.Value == entry.Key[(entry.Key.LastIndexOf('.') + 1)..] && entry.Value.Any(char.IsUpper))
            .Select(entry => entry.Key).ToList();

        Assert.Empty(codes);
    }

    /// <summary>The keys and texts of one language's table, one entry a line; a line that is no entry fails, so no text
    /// hides from this test.</summary>
    private static Dictionary<string, string> Table(string language)
    {
        var file = Served($"strings-{language}.js");
        var start = $"consoleStrings.{language} = {{\n";
        var from = file.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"strings-{language}.js does not fill consoleStrings.{language}");
        from += start.Length;
        var lines = file[from..file.IndexOf("\n};", from, StringComparison.Ordinal)].Split('\n');
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var entry = Entry().Match(line);
            Assert.True(entry.Success, $"strings-{language}.js: not one entry: {line}");
            Assert.True(table.TryAdd(entry.Groups["key"].Value, entry.Groups["text"].Value), $"strings-{language}.js: {entry.Groups["key"].Value} twice");
        }

        return table;
    }

    private static string Served(string file)
    {
        using var stream = typeof(CounselorConsole).Assembly.GetManifestResourceStream($"IntegrationBot.Handoff.Console.wwwroot.{file}");
        Assert.True(stream is not null, $"{file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static HashSet<string> Bases(Dictionary<string, string> table) => table.Keys.Select(Base).ToHashSet(StringComparer.Ordinal);

    private static string Base(string key) => Plural().Replace(key, "");

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^  (?:'(?<key>[^']+)'|(?<key>[A-Za-z_][A-Za-z0-9_]*)): '(?<text>(?:[^'\\]|\\.)*)',$")]
    private static partial Regex Entry();

    [GeneratedRegex("_(?:zero|one|two|few|many|other)$")]
    private static partial Regex Plural();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"data-t(?:-placeholder|-title|-aria-label)?=""(?<key>[^""]+)""")]
    private static partial Regex DataT();

    [GeneratedRegex(@"(?:\bt\(|setText\([^,()]+, |setAttribute\('data-t-[a-z-]+', )'(?<key>[^']+)'")]
    private static partial Regex UsedKey();
}
