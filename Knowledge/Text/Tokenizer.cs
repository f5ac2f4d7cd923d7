using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Text;

/// <summary>
/// Splits text into folded word tokens for all five languages. Letters and digits form words; apostrophes,
/// hyphens, punctuation, symbols and emoji separate them ("s'kam" gives "s", "kam"; "don't" gives "don", "t").
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
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && IsWordChar(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c is >= '\u064B' and <= '\u065F');
}
