using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

// Turns folded text into weighted sparse features: whole words, word prefixes (a cheap stand-in for stemming
// across inflected forms: "zdravnika", "zdravniku" share "zdrav") and character 3- and 4-grams inside words
// (robust to typos and to endings we never saw).
internal static class TextFeatures
{
    private static readonly string[] ArabicPrefixes = ["وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];
    private static readonly string[] ArabicSuffixes = ["هما", "ها", "هم", "كم", "نا", "ني", "ات", "ون", "ين", "ان", "يه", "ي", "ه"];

    // Words that the suffixes would make into another word people ask for: without its ة (folded to ه) the library,
    // مكتبة, is the office, مكتب, and "مكتبة" alone was answered with the office. Their plural keeps to the singular.
    // Words people ask for alone whose first letter only looks like a prefix (ب in, و and): "بلدية" (municipality) lost its
    // ب and became "لدي", "I have", while "البلدية" kept it, so the word without the article found nothing.
    private static readonly HashSet<string> RootFirstLetter = new(StringComparer.Ordinal) { "بلديه", "بطاقه" };

    private static readonly Dictionary<string, string> KeptWhole = new(StringComparer.Ordinal)
    {
        ["مكتبه"] = "مكتبه",
        ["مكتبات"] = "مكتبه",
    };

    public static Dictionary<string, double> Extract(string folded, KnowledgeEngineOptions options) =>
        Extract(Terms(folded), options);

    /// <summary>The features of words already split by <see cref="Terms"/>, each with its summed weight.</summary>
    public static Dictionary<string, double> Extract(IReadOnlyList<string> terms, KnowledgeEngineOptions options)
    {
        var sink = new DictionarySink(new Dictionary<string, double>(StringComparer.Ordinal));
        Visit(terms, options, ref sink);
        return sink.Features;
    }

    /// <summary>
    /// Hands every feature occurrence of <paramref name="terms"/> to <paramref name="sink"/>, in a fixed order
    /// (per word: whole word, prefix, 3-grams, 4-grams). The feature text lives in a scratch buffer only for the
    /// call, so searching needs no string per feature; the index and the query see exactly the same features.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Visit<TSink>(IReadOnlyList<string> terms, KnowledgeEngineOptions options, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var longest = 0;
        foreach (var token in terms)
        {
            longest = Math.Max(longest, token.Length);
        }

        Span<char> buffer = longest <= 128 ? stackalloc char[longest + 3] : new char[longest + 3];
        foreach (var token in terms)
        {
            VisitTerm(token, options, buffer, ref sink);
        }
    }

    /// <summary>The same for one word; <paramref name="buffer"/> holds at least its length plus 3 characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void VisitTerm<TSink>(string token, KnowledgeEngineOptions options, Span<char> buffer, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        // Layout: [0..2) the "w:"/"p:" marker, then the word, then '>'; position 1 becomes '<' for the n-grams.
        token.CopyTo(buffer[2..]);
        buffer[0] = 'w';
        buffer[1] = ':';
        sink.Add(buffer[..(token.Length + 2)], options.WordWeight);
        if (token.Length > options.PrefixLength)
        {
            buffer[0] = 'p';
            sink.Add(buffer[..(options.PrefixLength + 2)], options.PrefixWeight);
        }

        buffer[1] = '<';
        buffer[token.Length + 2] = '>';
        var padded = buffer.Slice(1, token.Length + 2);
        for (var n = 3; n <= 4; n++)
        {
            for (var k = 0; k + n <= padded.Length; k++)
            {
                sink.Add(padded.Slice(k, n), options.GramWeight);
            }
        }
    }

    /// <summary>The weight <see cref="VisitTerm"/> gives the feature at <paramref name="position"/> of <paramref name="token"/>.</summary>
    public static double WeightAt(string token, int position, KnowledgeEngineOptions options) => position switch
    {
        0 => options.WordWeight,
        1 when token.Length > options.PrefixLength => options.PrefixWeight,
        _ => options.GramWeight,
    };

    /// <summary>The words retrieval works with: folded tokens, Arabic ones without their clitics, one-letter words dropped.</summary>
    public static List<string> Terms(string folded) => Terms(Tokenizer.TokenizeFolded(folded));

    /// <summary>The same for tokens already split by <see cref="Tokenizer.TokenizeFolded"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<string> Terms(IReadOnlyList<string> tokens)
    {
        var terms = new List<string>(tokens.Count);
        foreach (var raw in tokens)
        {
            var token = IsArabic(raw) ? StemArabic(raw) : raw;
            if (token.Length >= 2 || char.IsDigit(token[0]))
            {
                terms.Add(token);
            }
        }

        return terms;
    }

    private static bool IsArabic(string token) => token[0] is >= '\u0600' and <= '\u06FF';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string StemArabic(string token)
    {
        foreach (var prefix in ArabicPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal) && token.Length - prefix.Length >= (prefix.Length == 1 ? 4 : 3))
            {
                if (prefix.Length == 1 && RootFirstLetter.Contains(token))
                {
                    break;
                }

                token = token[prefix.Length..];
                break;
            }
        }

        if (KeptWhole.TryGetValue(token, out var whole))
        {
            return whole;
        }

        foreach (var suffix in ArabicSuffixes)
        {
            if (token.EndsWith(suffix, StringComparison.Ordinal) && token.Length - suffix.Length >= 3)
            {
                return token[..^suffix.Length];
            }
        }

        return token;
    }

    // Index side: the features as strings with their summed weights, in first-occurrence order.
    private readonly struct DictionarySink(Dictionary<string, double> features) : IFeatureSink
    {
        public Dictionary<string, double> Features => features;

        public void Add(ReadOnlySpan<char> feature, double weight)
        {
            var key = new string(feature);
            features[key] = features.GetValueOrDefault(key) + weight;
        }
    }
}
