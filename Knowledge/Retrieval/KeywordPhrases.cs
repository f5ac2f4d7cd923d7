using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Exact matches of a topic's curated keywords and titles (one to three words, folded) in a short question.
/// The TF-IDF score spreads a word over its character n-grams, so a rare keyword typed alone ("preschool",
/// "parashkollore") can lose to a topic whose samples share many n-grams with it ("school"), and "where is the
/// health centre" to health insurance, whose samples say "health" again and again; an exact keyword hit is a
/// curated signal, so it adds a bonus: the share of the question's words the keyword covers, divided among the
/// topics that list the same keyword. A one-word keyword counts only in a question of a word or two, a longer
/// keyword also in a short sentence that names no other topic's keyword; longer questions get no bonus: measured
/// on the evaluation sets, generic keywords inside sentences ("telefonska številka policije") did as much harm as good.
/// Words that most topics use ("where", "is", "kje", "وين") are not counted as words of the question: "where can i find
/// a gp" is as short as "find a GP", which asked "Did you mean…" when "where" and "can" diluted its share to a half.
/// A keyword inside a longer keyword found in the question earns nothing: in "your phone number" (the office's) the SIM
/// card topic's "phone number" is not what is asked.
/// </summary>
internal sealed class KeywordPhrases
{
    private const int MaxPhraseWords = 3;
    private const int MinInflectedFillerLength = 6;

    private readonly Dictionary<string, int[]> topicsByPhrase;
    private readonly Dictionary<string, int[]> topicsByWordStem;

    // A short word's stem is the word itself, so its other cases were no form of it: "šolo" (accusative) was not
    // "šola". A short keyword ending in a vowel is also kept without it, and looked up only by a short word without its
    // last vowel ("sol", salt, typed as such, names nothing).
    private readonly Dictionary<string, int[]> topicsByShortStem;

    // Words at least half of the topics use in their titles, questions or keywords ("where", "kje", "gdje", "ku", "وين",
    // "need", "postojna"), except a topic's one-word keyword: they say nothing about which topic a question is about.
    private readonly HashSet<string> fillers;
    private readonly int stemLength;

    private KeywordPhrases(
        Dictionary<string, int[]> topicsByPhrase, Dictionary<string, int[]> topicsByWordStem, Dictionary<string, int[]> topicsByShortStem,
        HashSet<string> fillers, int stemLength)
    {
        this.topicsByPhrase = topicsByPhrase;
        this.topicsByWordStem = topicsByWordStem;
        this.topicsByShortStem = topicsByShortStem;
        this.fillers = fillers;
        this.stemLength = stemLength;
    }

    /// <param name="stemLength">How many letters of a word stand for its inflected forms ("policije" is "policija").</param>
    public static KeywordPhrases Build(IReadOnlyList<Topic> topics, int stemLength)
    {
        var byPhrase = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var byWordStem = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var byShortStem = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var byWord = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Count; t++)
        {
            var phrases = topics[t].Keywords.Values.SelectMany(k => k).Concat(topics[t].Title.Values);
            foreach (var text in phrases.Concat(topics[t].Questions.Values.SelectMany(q => q)))
            {
                foreach (var word in TextFeatures.Terms(TextNormalizer.Fold(text)))
                {
                    Add(byWord, word, t);
                }
            }

            foreach (var phrase in phrases)
            {
                var terms = TextFeatures.Terms(TextNormalizer.Fold(phrase));
                if (terms.Count is > 0 and <= MaxPhraseWords)
                {
                    Add(byPhrase, string.Join(' ', terms), t);
                }

                if (terms.Count == 1)
                {
                    Add(byWordStem, Stem(terms[0], stemLength), t);
                    if (ShortStem(terms[0], stemLength) is { } shortStem)
                    {
                        Add(byShortStem, shortStem, t);
                    }
                }
            }
        }

        var fillers = byWord.Where(p => 2 * p.Value.Count >= topics.Count).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        // A filler's other cases are fillers too: "postojna" is one, and "delo v Postojni" (work in Postojna) counted
        // "postojni" as a word about the topic, so the keyword "delo" earned half a bonus and the offices, whose samples say
        // "v Postojni" again and again, won. A form is the same word with another last letter, in words of six letters or more.
        var endings = fillers.Where(f => f.Length >= MinInflectedFillerLength).Select(f => f[..^1]).ToHashSet(StringComparer.Ordinal);
        fillers.UnionWith(byWord.Keys.Where(w => w.Length >= MinInflectedFillerLength && endings.Contains(w[..^1])));

        // A word a topic lists alone as its keyword names that topic, however many samples say it: "عمل" (work) is finding a
        // job's keyword and also in the samples of half the topics ("تصريح عمل", "ساعات العمل"), and "عمل في بوستوينا" (work in
        // Postojna), read as three fillers, got no keyword bonus and the offices' answer.
        fillers.ExceptWith(topics.SelectMany(t => t.Keywords.Values.SelectMany(k => k))
            .Select(k => TextFeatures.Terms(TextNormalizer.Fold(k)))
            .Where(terms => terms.Count == 1)
            .Select(terms => terms[0]));
        return new KeywordPhrases(Frozen(byPhrase), Frozen(byWordStem), Frozen(byShortStem), fillers, stemLength);
    }

    private static void Add(Dictionary<string, HashSet<int>> topicsByKey, string key, int topic)
    {
        if (!topicsByKey.TryGetValue(key, out var set))
        {
            topicsByKey[key] = set = [];
        }

        set.Add(topic);
    }

    private static Dictionary<string, int[]> Frozen(Dictionary<string, HashSet<int>> topicsByKey) =>
        topicsByKey.ToDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal);

    private static string Stem(string word, int length) => word.Length > length ? word[..length] : word;

    // "sola" and "solo" are "sol", "skola" and "skolu" "skol"; words of three letters or fewer are left alone.
    private static string? ShortStem(string word, int length) =>
        word.Length >= 4 && word.Length <= length && word[^1] is 'a' or 'e' or 'i' or 'o' or 'u' ? word[..^1] : null;

    /// <summary>
    /// The topics (indices) <paramref name="terms"/> name by one of their keywords or titles: a phrase of up to three
    /// words, word for word, or a one-word keyword in some form (its first letters: "zdravnika" is "zdravnik"; a short
    /// one without its last vowel: "šolo" is "šola").
    /// </summary>
    public HashSet<int> Named(IReadOnlyList<string> terms)
    {
        var named = new HashSet<int>();
        for (var start = 0; start < terms.Count; start++)
        {
            for (var length = 1; length <= MaxPhraseWords && start + length <= terms.Count; length++)
            {
                var key = length == 1 ? terms[start] : string.Join(' ', terms.Skip(start).Take(length));
                if (topicsByPhrase.TryGetValue(key, out var hits))
                {
                    named.UnionWith(hits);
                }
            }

            if (topicsByWordStem.TryGetValue(Stem(terms[start], stemLength), out var forms))
            {
                named.UnionWith(forms);
            }

            if (ShortStem(terms[start], stemLength) is { } shortStem && topicsByShortStem.TryGetValue(shortStem, out forms))
            {
                named.UnionWith(forms);
            }
        }

        return named;
    }

    /// <summary>
    /// Per topic index, the bonus for the keywords found in <paramref name="terms"/> (0..weight). A question's length is
    /// counted in the words that are not fillers (words most topics use: "where is the health centre" is as long as
    /// "health centre"; a question of fillers only is as long as it is). In a question of at most
    /// <paramref name="maxQuestionWords"/> every keyword counts. In a longer one of at most
    /// <paramref name="maxPhraseQuestionWords"/> only keywords of two or three words count, and none when another
    /// word of it is (in some form) a keyword of another topic ("policije" in "telefonska številka policije"): such a sentence does
    /// not point at one topic. Longer questions get nothing: the TF-IDF score has enough to go on (null then: most
    /// questions are longer, and need no dictionary). A keyword's share is the part of the question's counted words it
    /// covers; a keyword inside a longer one that the question also holds earns nothing. In a question of one counted word
    /// the weight is <paramref name="singleWordFactor"/> times as much: that word is all it says.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dictionary<int, double>? Bonus(
        IReadOnlyList<string> terms, double weight, double singleWordFactor, int maxQuestionWords, int maxPhraseQuestionWords)
    {
        if (weight <= 0 || terms.Count == 0)
        {
            return null;
        }

        Span<bool> counted = stackalloc bool[terms.Count];
        var words = 0;
        for (var at = 0; at < terms.Count; at++)
        {
            counted[at] = !fillers.Contains(terms[at]);
            words += counted[at] ? 1 : 0;
        }

        if (words == 0)
        {
            counted.Fill(true);
            words = terms.Count;
        }

        if (words > Math.Max(maxQuestionWords, maxPhraseQuestionWords))
        {
            return null;
        }

        var sentence = words > maxQuestionWords;
        if (words == 1)
        {
            weight *= singleWordFactor;
        }

        var matches = new List<(int Start, int Length, int[] Topics)>();
        for (var start = 0; start < terms.Count; start++)
        {
            for (var length = sentence ? 2 : 1; length <= MaxPhraseWords && start + length <= terms.Count; length++)
            {
                var key = length == 1 ? terms[start] : string.Join(' ', terms.Skip(start).Take(length));
                if (topicsByPhrase.TryGetValue(key, out var hits))
                {
                    matches.Add((start, length, hits));
                }
            }
        }

        var bonus = new Dictionary<int, double>();
        Span<bool> inPhrase = stackalloc bool[terms.Count];
        foreach (var (start, length, hits) in matches)
        {
            inPhrase.Slice(start, length).Fill(true);
            if (matches.Exists(m => m.Length > length && m.Start <= start && m.Start + m.Length >= start + length))
            {
                continue; // inside a longer keyword of the question, which decides
            }

            var covered = 0;
            foreach (var isCounted in counted.Slice(start, length))
            {
                covered += isCounted ? 1 : 0;
            }

            var share = weight * covered / words / hits.Length;
            foreach (var topic in hits)
            {
                bonus[topic] = Math.Min(weight, bonus.GetValueOrDefault(topic) + share);
            }
        }

        for (var at = 0; sentence && at < terms.Count; at++)
        {
            if (counted[at] && !inPhrase[at] && topicsByWordStem.TryGetValue(Stem(terms[at], stemLength), out var others) && others.Any(t => !bonus.ContainsKey(t)))
            {
                return null;
            }
        }

        return bonus;
    }
}
