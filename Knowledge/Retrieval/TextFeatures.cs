using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

// Turns folded text into weighted sparse features: whole words, word prefixes (a cheap stand-in for stemming
// across inflected forms: "zdravnika", "zdravniku" share "zdrav") and character 3- and 4-grams inside words
// (robust to typos and to endings we never saw).
internal static class TextFeatures
{

    private static readonly string[] ArabicPrefixes = ["وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];
    private static readonly string[] ArabicSuffixes = ["هما", "ها", "هم", "كم", "نا", "ني", "ات", "ون", "ين", "ان", "يه", "ي", "ه"];

    public static Dictionary<string, double> Extract(string folded, KnowledgeEngineOptions options)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in Tokenizer.TokenizeFolded(folded))
        {
            var token = IsArabic(raw) ? StemArabic(raw) : raw;
            if (token.Length < 2 && !char.IsDigit(token[0]))
            {
                continue;
            }

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
