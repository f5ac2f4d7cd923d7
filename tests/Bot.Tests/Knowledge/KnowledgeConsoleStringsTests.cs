using System.Text.RegularExpressions;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>
/// Every string of the knowledge pages of the console is there in all five languages with the English placeholders,
/// every text the page names has one, and the page offers all five as its own language.
/// </summary>
public sealed partial class KnowledgeConsoleStringsTests
{
    private static readonly string Folder = RepositoryRoot.Combine("Editing", "Console", "wwwroot");

    public static TheoryData<string> Translations => new() { "sl", "sq", "hbs", "ar" };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_key_has_a_text_in_the_language_with_the_english_placeholders(string language)
    {
        var en = Table("en");
        var translated = Table(language);

        Assert.Contains("retire", en.Keys);
        Assert.Contains("dirTitle", en.Keys);
        Assert.Empty(en.Keys.Where(key => !translated.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).Select(key => $"{language}.{key}"));
        Assert.Empty(translated.Keys.Except(en.Keys).Select(key => $"{language}.{key} is not in en"));
        Assert.Empty(en
            .Where(pair => !Placeholders(pair.Value).SetEquals(Placeholders(translated[pair.Key])))
            .Select(pair => $"{language}.{pair.Key}: '{translated[pair.Key]}' against '{pair.Value}'"));
    }

    [Fact]
    public void Every_data_t_of_the_page_has_an_english_text()
    {
        var named = DataT().Matches(Page()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(named.Except(Table("en").Keys));
    }

    [Fact]
    public void The_page_offers_all_five_languages_as_its_own()
    {
        var select = Page()[Page().IndexOf("<select id=\"ui-language\">", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];

        Assert.Equal(["sl", "en", "sq", "hbs", "ar"], OptionValue().Matches(select).Select(m => m.Groups[1].Value));
    }

    private static string Page() => File.ReadAllText(Path.Combine(Folder, "knowledge.html"));

    // Each script holds its tables as "  xx: { key: 'text', … }," (the page's own) or "Object.assign(STRINGS.xx, { … });"
    // (what directory.js and topics.js add); a language's texts are the union over the scripts.
    private static Dictionary<string, string> Table(string language)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "*.js").Order(StringComparer.Ordinal))
        {
            var script = File.ReadAllText(file);
            foreach (var block in new[] { Between(script, $"\n  {language}: {{", "\n  },"), Between(script, $"Object.assign(STRINGS.{language}, {{", "});") })
            {
                foreach (Match entry in Entry().Matches(block))
                {
                    Assert.True(table.TryAdd(entry.Groups[1].Value, entry.Groups[2].Value), $"{language}.{entry.Groups[1].Value} twice ({Path.GetFileName(file)})");
                }
            }
        }

        return table;
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return "";
        }

        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:^|[\s,{])([A-Za-z_]+):\s*'((?:[^'\\]|\\.)*)'", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("data-t=\"([A-Za-z_]+)\"")]
    private static partial Regex DataT();

    [GeneratedRegex("<option value=\"([a-z]+)\"")]
    private static partial Regex OptionValue();
}
