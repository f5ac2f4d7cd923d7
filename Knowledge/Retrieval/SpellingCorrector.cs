namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Puts a word the content does not know right when it is one typing slip from a word the content does know ("docor",
/// "shcool", "stanovnje", "دكتر"): a letter missing, one too many, a wrong one, or two neighbours swapped. A question of a
/// word or two with such a slip had nothing else to go on and got no answer at all. Where several words are one slip
/// away, the most common one is taken (a slip is likelier in a word people write often).
/// </summary>
/// <remarks>
/// The vocabulary of a few dozen topics is small, so a real word it lacks is often one slip from a word it has: "heating"
/// from "beating", "glasses" from "classes", "hotel" from "hostel". Hence: the first letter is kept (slips there are
/// rare, and it rules out most such pairs); in Latin words of four letters only two swapped neighbours are put right
/// ("bnak", "falt"): a letter missing, extra or wrong makes too many other words of that length ("pica", pizza, is one
/// such slip from too much), a swap rarely does; in Arabic, whose words are three-letter roots with patterns, a wrong
/// letter usually makes another real word ("تعديل", to amend, and "تبديل", to exchange), so only a missing, extra or
/// swapped letter is put right there. A word only one document of the content knows is most likely a slip a sample keeps
/// on purpose ("wrok permit cost"): it is still read as the common word two swapped neighbours make of it ("wrok" alone
/// was no question about the work permit). What a corrected word finds is only ever a guess (<see cref="KnowledgeEngine"/>
/// asks "Did you mean…").
/// </remarks>
internal sealed class SpellingCorrector
{
    private const string WordMark = "w:";
    private const int MinLatinLength = 5;
    private const int MinLatinSwapLength = 4;
    private const int MinArabicLength = 4;
    private const int MinCorrectedLength = 4;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> vocabulary;
    private readonly double[] idf;
    private readonly double rarest;
    private readonly char[] latin;
    private readonly char[] arabic;

    /// <param name="vocabulary">The index's features by id; the content's words are the whole-word features ("w:word").</param>
    /// <param name="idf">Per feature id, its inverse document frequency (lower is more common; the highest, a feature of
    /// one document only).</param>
    public SpellingCorrector(Dictionary<string, int> vocabulary, double[] idf)
    {
        this.vocabulary = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        this.idf = idf;
        rarest = idf.Length == 0 ? double.MaxValue : idf.Max();
        var letters = vocabulary.Keys
            .Where(k => k.StartsWith(WordMark, StringComparison.Ordinal))
            .SelectMany(k => k.Skip(WordMark.Length))
            .Where(char.IsLetter)
            .ToHashSet();
        latin = [.. letters.Where(c => !IsArabic(c)).Order()];
        arabic = [.. letters.Where(IsArabic).Order()];
    }

    /// <summary><paramref name="terms"/> with each unknown word put right where it can be; the same list when none is.</summary>
    public List<string> Correct(List<string> terms)
    {
        List<string>? corrected = null;
        for (var i = 0; i < terms.Count; i++)
        {
            var word = terms[i];
            if (!word.All(char.IsLetter) || Near(word) is not { } near)
            {
                continue;
            }

            (corrected ??= [.. terms])[i] = near;
        }

        return corrected ?? terms;
    }

    // The word a slip made this one from, or null: an unknown word by any slip its length allows, a word of one document
    // only by two swapped neighbours, and then only into a more common word.
    private string? Near(string word)
    {
        var arabicWord = IsArabic(word[0]);
        if (word.Length < (arabicWord ? MinArabicLength : MinLatinSwapLength))
        {
            return null;
        }

        var id = Id(word);
        if (id < 0)
        {
            return Nearest(word, swapsOnly: !arabicWord && word.Length < MinLatinLength, double.MaxValue);
        }

        return idf[id] >= rarest ? Nearest(word, swapsOnly: true, idf[id]) : null;
    }

    private int Id(ReadOnlySpan<char> word)
    {
        Span<char> key = stackalloc char[word.Length + WordMark.Length];
        WordMark.CopyTo(key);
        word.CopyTo(key[WordMark.Length..]);
        return vocabulary.TryGetValue(key, out var id) ? id : -1;
    }

    private string? Nearest(string word, bool swapsOnly, double rarerThan)
    {
        var arabicWord = IsArabic(word[0]);
        var alphabet = arabicWord ? arabic : latin;
        Span<char> buffer = stackalloc char[word.Length + 1];
        var best = new Candidate(this, word[0], rarerThan);
        for (var i = 0; i + 1 < word.Length; i++)
        {
            // two neighbours swapped
            word.CopyTo(buffer);
            (buffer[i], buffer[i + 1]) = (buffer[i + 1], buffer[i]);
            best.Consider(buffer[..word.Length]);
        }

        if (swapsOnly)
        {
            return best.Word;
        }

        for (var i = 0; i < word.Length; i++)
        {
            // one letter too many
            word.AsSpan(0, i).CopyTo(buffer);
            word.AsSpan(i + 1).CopyTo(buffer[i..]);
            best.Consider(buffer[..(word.Length - 1)]);

            // a wrong letter
            if (!arabicWord)
            {
                word.CopyTo(buffer);
                foreach (var c in alphabet)
                {
                    buffer[i] = c;
                    best.Consider(buffer[..word.Length]);
                }
            }
        }

        // one letter missing
        for (var i = 0; i <= word.Length; i++)
        {
            word.AsSpan(0, i).CopyTo(buffer);
            word.AsSpan(i).CopyTo(buffer[(i + 1)..]);
            foreach (var c in alphabet)
            {
                buffer[i] = c;
                best.Consider(buffer[..(word.Length + 1)]);
            }
        }

        return best.Word;
    }

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    // The most common known word among those considered, keeping the first letter and more common than rarerThan.
    private ref struct Candidate(SpellingCorrector corrector, char first, double rarerThan)
    {
        private int id = -1;

        public string? Word { get; private set; }

        public void Consider(scoped ReadOnlySpan<char> word)
        {
            if (word.Length < MinCorrectedLength || word[0] != first)
            {
                return;
            }

            var candidate = corrector.Id(word);
            if (candidate >= 0 && corrector.idf[candidate] < rarerThan && (id < 0 || corrector.idf[candidate] < corrector.idf[id]))
            {
                (id, Word) = (candidate, new string(word));
            }
        }
    }
}
