using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationBot.Knowledge.Text;

/// <summary>
/// Writes Latin-script BCS text in Serbian Cyrillic, for people who write to the bot in Cyrillic.
/// URLs, e-mail addresses, placeholders and words with letters Serbian does not have (q, w, x, y: names
/// such as WhatsApp) stay as they are; digits are untouched. Text marked <c>[[like this]]</c> is a name the person
/// must recognise on signs and forms ("Telemach", "DR-02", "upravna enota"): it stays in Latin script and loses the
/// marks; <see cref="StripLatinMarks"/> removes the marks for every other reader.
/// </summary>
public static partial class CyrillicTransliterator
{
    private static readonly Dictionary<char, char> Single = new()
    {
        ['a'] = 'а', ['b'] = 'б', ['c'] = 'ц', ['č'] = 'ч', ['ć'] = 'ћ', ['d'] = 'д', ['đ'] = 'ђ', ['e'] = 'е',
        ['f'] = 'ф', ['g'] = 'г', ['h'] = 'х', ['i'] = 'и', ['j'] = 'ј', ['k'] = 'к', ['l'] = 'л', ['m'] = 'м',
        ['n'] = 'н', ['o'] = 'о', ['p'] = 'п', ['r'] = 'р', ['s'] = 'с', ['š'] = 'ш', ['t'] = 'т', ['u'] = 'у',
        ['v'] = 'в', ['z'] = 'з', ['ž'] = 'ж',
    };

    /// <summary>Transliterates Latin BCS to Serbian Cyrillic (lj, nj, dž as single letters).</summary>
    public static string ToCyrillic(string latin)
    {
        if (string.IsNullOrEmpty(latin))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(latin.Length);
        var last = 0;
        foreach (Match keep in KeepAsIs().Matches(latin))
        {
            AppendWords(builder, latin.AsSpan(last, keep.Index - last));
            builder.Append(keep.Groups["latin"].Success ? keep.Groups["latin"].Value : keep.Value);
            last = keep.Index + keep.Length;
        }

        AppendWords(builder, latin.AsSpan(last));
        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="name"/> marked <c>[[…]]</c> so a Cyrillic reply keeps it Latin (a name on a sign or a form);
    /// already marked text stays as it is. Every other reader gets it without the marks (<see cref="StripLatinMarks"/>).
    /// </summary>
    public static string MarkLatin(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Contains("[[", StringComparison.Ordinal) ? trimmed : $"[[{trimmed}]]";
    }

    /// <summary>The text without <c>[[</c> <c>]]</c> Latin-name marks (for readers who do not get Cyrillic).</summary>
    public static string StripLatinMarks(string text) =>
        string.IsNullOrEmpty(text) || !text.Contains("[[", StringComparison.Ordinal) ? text : LatinMark().Replace(text, "${latin}");

    private static void AppendWords(StringBuilder builder, ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            AppendWord(builder, text[i..end]);
            i = end;
        }
    }

    private static void AppendWord(StringBuilder builder, ReadOnlySpan<char> word)
    {
        if (word.IndexOfAny("qwxyQWXY") >= 0)
        {
            builder.Append(word);
            return;
        }

        var allUpper = word.Length > 1 && IsAllUpper(word);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < word.Length ? char.ToLowerInvariant(word[i + 1]) : '\0';
            char mapped;
            var consumed = 1;
            if (lower == 'l' && next == 'j')
            {
                (mapped, consumed) = ('љ', 2);
            }
            else if (lower == 'n' && next == 'j')
            {
                (mapped, consumed) = ('њ', 2);
            }
            else if (lower == 'd' && next == 'ž')
            {
                (mapped, consumed) = ('џ', 2);
            }
            else if (!Single.TryGetValue(lower, out mapped))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(char.IsUpper(c) || allUpper ? char.ToUpperInvariant(mapped) : mapped);
            i += consumed - 1;
        }
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\[\[(?<latin>[^\[\]]+)\]\]|(?:https?://|www\.)\S+|[^\s@]+@[^\s@]+\.[^\s@]+|\{[a-z0-9.-]+\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeepAsIs();

    [GeneratedRegex(@"\[\[(?<latin>[^\[\]]+)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex LatinMark();
}
