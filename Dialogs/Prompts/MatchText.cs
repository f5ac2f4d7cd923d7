using System.Globalization;
using System.Text;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Dialogs.Prompts;

/// <summary>Folding and typo distance shared by the recognizers.</summary>
internal static class MatchText
{
    private const string ArabicArticle = "\u0627\u0644";

    /// <summary>
    /// Folded (case, diacritics, Cyrillic), punctuation as spaces, any script's digits as ASCII, and an Arabic word
    /// without its article: a button says "العمل" (the work) where people type "عمل".
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = TextNormalizer.Fold(text);
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit >= 0)
            {
                builder.Append((char)('0' + digit));
                space = false;
            }
            else if (char.IsLetter(c) || c == '\'')
            {
                builder.Append(c);
                space = false;
            }
            else if (!space && builder.Length > 0)
            {
                builder.Append(' ');
                space = true;
            }
        }

        var normalized = builder.ToString().TrimEnd();
        return normalized.Contains(ArabicArticle, StringComparison.Ordinal) ? WithoutArabicArticles(normalized) : normalized;
    }

    // "ال" starts a word of at least two more letters (not "الى", which is "إلى" written without its hamza).
    private static string WithoutArabicArticles(string normalized) =>
        string.Join(' ', Tokens(normalized).Select(word =>
            word.Length >= ArabicArticle.Length + 2 && word.StartsWith(ArabicArticle, StringComparison.Ordinal) ? word[ArabicArticle.Length..] : word));

    public static string[] Tokens(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Typos tolerated for a word of this length: none for short words, where one letter changes the meaning.</summary>
    public static int AllowedTypos(int length) => length switch
    {
        < 4 => 0,
        < 9 => 1,
        _ => 2,
    };

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
