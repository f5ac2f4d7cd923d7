using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

// Turns folded text into weighted sparse features: whole words, word prefixes (a cheap stand-in for stemming
// across inflected forms: "zdravnika", "zdravniku" share "zdrav") and character 3- and 4-grams inside words
// (robust to typos and to endings we never saw).
internal static class TextFeatures
{

    private static readonly string[] ArabicPrefixes = ["وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];
    private static readonly string[] ArabicSuffixes = ["هما", "ها", "هم", "كم", "نا", "ني", "ات", "ون", "ين", "ان", "يه", "ي", "ه"];

    public static Dictionary<string, double> Extract(string folded, KnowledgeEngineOptions options) =>
        Extract(Terms(folded), options);

    /// <summary>The features of words already split by <see cref="Terms"/>.</summary>
    public static Dictionary<string, double> Extract(IReadOnlyList<string> terms, KnowledgeEngineOptions options)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in terms)
        {
            Add(features, "w:" + token, options.WordWeight);
            if (token.Length > options.PrefixLength)
            {
                Add(features, "p:" + token[..options.PrefixLength], options.PrefixWeight);
            }

            var padded = "<" + token + ">";
            for (var n = 3; n <= 4; n++)
            {
                for (var k = 0; k + n <= padded.Length; k++)
                {
                    Add(features, padded.Substring(k, n), options.GramWeight);
                }
            }
        }

        return features;
    }

    /// <summary>The words retrieval works with: folded tokens, Arabic ones without their clitics, one-letter words dropped.</summary>
    public static List<string> Terms(string folded)
    {
        var terms = new List<string>();
        foreach (var raw in Tokenizer.TokenizeFolded(folded))
        {
            var token = IsArabic(raw) ? StemArabic(raw) : raw;
            if (token.Length >= 2 || char.IsDigit(token[0]))
            {
                terms.Add(token);
            }
        }

        return terms;
    }

    private static void Add(Dictionary<string, double> features, string feature, double weight) =>
        features[feature] = features.GetValueOrDefault(feature) + weight;

    private static bool IsArabic(string token) => token[0] is >= '\u0600' and <= '\u06FF';

    private static string StemArabic(string token)
    {
        foreach (var prefix in ArabicPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal) && token.Length - prefix.Length >= (prefix.Length == 1 ? 4 : 3))
            {
                token = token[prefix.Length..];
                break;
            }
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
}
