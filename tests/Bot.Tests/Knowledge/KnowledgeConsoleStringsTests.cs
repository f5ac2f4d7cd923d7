using System.Text.RegularExpressions;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>Every string of the knowledge pages of the console is there in Slovene and English, and every text the page names has one.</summary>
public sealed partial class KnowledgeConsoleStringsTests
{
    private static readonly string Folder = RepositoryRoot.Combine("Editing", "Console", "wwwroot");

    [Fact]
    public void Every_key_has_a_slovene_and_an_english_text_and_every_data_t_of_the_page_has_a_key()
    {
        var (en, sl) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        // knowledge.js holds the tables; directory.js and topics.js add theirs with Object.assign(STRINGS.xx, {...}).
        var main = File.ReadAllText(Path.Combine(Folder, "knowledge.js"));
        en.UnionWith(Keys(Between(main, "  en: {", "\n  },")));
        sl.UnionWith(Keys(Between(main, "  sl: {", "\n  },")));
        foreach (var file in new[] { "directory.js", "topics.js" })
        {
            var text = File.ReadAllText(Path.Combine(Folder, file));
            en.UnionWith(Keys(Between(text, "Object.assign(STRINGS.en, {", "});")));
            sl.UnionWith(Keys(Between(text, "Object.assign(STRINGS.sl, {", "});")));
        }

        Assert.Contains("retire", en);
        Assert.Empty(en.Except(sl));
        Assert.Empty(sl.Except(en));
        var named = DataT().Matches(File.ReadAllText(Path.Combine(Folder, "knowledge.html"))).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(named.Except(en));
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static IEnumerable<string> Keys(string table) => Key().Matches(table).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"(?:^|[\s,{])([A-Za-z_]+):\s*'", RegexOptions.Multiline)]
    private static partial Regex Key();

    [GeneratedRegex("data-t=\"([A-Za-z_]+)\"")]
    private static partial Regex DataT();
}
