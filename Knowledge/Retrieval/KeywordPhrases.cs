using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Exact matches of a topic's curated keywords and titles (one to three words, folded) in a very short
/// question. The TF-IDF score spreads a word over its character n-grams, so a rare keyword typed alone
/// ("preschool", "parashkollore") can lose to a topic whose samples share many n-grams with it ("school"); an
/// exact keyword hit is a curated signal, so it adds a bonus: the share of the question's words the keyword
/// covers, divided among the topics that list the same keyword. Longer questions get no bonus: measured on
/// the evaluation set, generic keywords inside sentences ("telefonska številka policije") did as much harm as good.
/// </summary>
internal sealed class KeywordPhrases
{
    private const int MaxPhraseWords = 3;

    private readonly Dictionary<string, int[]> topicsByPhrase;

    private KeywordPhrases(Dictionary<string, int[]> topicsByPhrase) => this.topicsByPhrase = topicsByPhrase;

    public static KeywordPhrases Build(IReadOnlyList<Topic> topics)
    {
        var byPhrase = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Count; t++)
        {
            var phrases = topics[t].Keywords.Values.SelectMany(k => k).Concat(topics[t].Title.Values);
            foreach (var phrase in phrases)
            {
                var terms = TextFeatures.Terms(TextNormalizer.Fold(phrase));
                if (terms.Count is > 0 and <= MaxPhraseWords)
                {
                    var key = string.Join(' ', terms);
                    if (!byPhrase.TryGetValue(key, out var set))
                    {
                        byPhrase[key] = set = [];
                    }

                    set.Add(t);
                }
            }
        }

        return new KeywordPhrases(byPhrase.ToDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// Per topic index, the bonus for the keywords found in <paramref name="terms"/> (0..weight); nothing for
    /// questions longer than <paramref name="maxQuestionWords"/>, where the TF-IDF score has enough to go on
    /// (null then: most questions are longer, and need no dictionary).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dictionary<int, double>? Bonus(IReadOnlyList<string> terms, double weight, int maxQuestionWords)
    {
        if (weight <= 0 || terms.Count == 0 || terms.Count > maxQuestionWords)
        {
            return null;
        }

        var bonus = new Dictionary<int, double>();
        for (var start = 0; start < terms.Count; start++)
        {
            for (var length = 1; length <= MaxPhraseWords && start + length <= terms.Count; length++)
            {
                var key = length == 1 ? terms[start] : string.Join(' ', terms.Skip(start).Take(length));
                if (!topicsByPhrase.TryGetValue(key, out var hits))
                {
                    continue;
                }

                var share = weight * length / terms.Count / hits.Length;
                foreach (var topic in hits)
                {
                    bonus[topic] = Math.Min(weight, bonus.GetValueOrDefault(topic) + share);
                }
            }
        }

        return bonus;
    }
}
