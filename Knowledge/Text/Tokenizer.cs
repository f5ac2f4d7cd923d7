using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Text;

/// <summary>
/// Splits text into folded word tokens for all five languages. Letters and digits form words; apostrophes,
/// hyphens, punctuation, symbols and emoji separate them ("s'kam" gives "s", "kam"; "don't" gives "don", "t").
/// A hyphen between Latin letters and a digit joins them, without the hyphen: a form code ("DR-02", "M-1") is one
/// word ("dr02", "m1"), so the doctor's "dr" is not the tax number's form and "dr02" typed finds it.
/// </summary>
public static class Tokenizer
{
    /// <summary>Folds <paramref name="text"/> with <see cref="TextNormalizer.Fold"/> and returns its words.</summary>
    public static IReadOnlyList<string> Tokenize(string text) => TokenizeFolded(TextNormalizer.Fold(text));

    /// <summary>Returns the words of text that is already folded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<string> TokenizeFolded(string folded)
    {
        // Sized for typical words of five letters plus a separator, so a message's list is rarely regrown.
        var tokens = new List<string>(Math.Min((folded.Length / 6) + 4, 256));
        var start = -1;
        var hyphen = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && IsWordChar(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                if (hyphen < 0 && JoinsFormCode(folded, start, i))
                {
                    hyphen = i;
                    continue;
                }

                tokens.Add(hyphen < 0 ? folded[start..i] : string.Concat(folded.AsSpan(start, hyphen - start), folded.AsSpan(hyphen + 1, i - hyphen - 1)));
                start = -1;
                hyphen = -1;
            }
        }

        return tokens;
    }

    // The hyphen at `at` ends a word of Latin letters only and a digit follows it: "dr-02", "m-1".
    private static bool JoinsFormCode(string folded, int start, int at)
    {
        if (at + 1 >= folded.Length || folded[at] != '-' || !char.IsAsciiDigit(folded[at + 1]))
        {
            return false;
        }

        for (var k = start; k < at; k++)
        {
            if (!char.IsAsciiLetterLower(folded[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c is >= '\u064B' and <= '\u065F');
}
