using IntegrationBot.Knowledge.Retrieval;
using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Languages;

/// <summary>
/// Identifies which of the five languages a short message is in. The script decides first (Arabic script is ar,
/// Cyrillic is hbs); Latin text is scored by a naive Bayes model over character 1-4-grams and whole words learned
/// from the knowledge base's own text, plus a few letters that only one language uses (ë/ç Albanian, ć/đ BCS).
/// The model is trained on each text with and without diacritics, so "kje dobim zdravnika" and "kje dobim
/// zdravníka" both read as Slovenian.
/// </summary>
public sealed class LanguageIdentifier
{
    private const double Smoothing = 0.5;
    private const double WordWeight = 2.0;
    private const double CueBonus = 6.0;

    // Posterior temperature: naive Bayes is far too sure of itself on short texts; dividing the log-likelihoods
    // gives confidences that drop on one-word messages, which is when the conversation language should win.
    private const double Temperature = 4.0;

    private const int MinScriptLetters = 3;

    private static readonly string[] Latin = [Language.Slovenian, Language.English, Language.Albanian, Language.Bcs];

    // Looked up by span: scoring a message makes no string per n-gram.
    private readonly Dictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> logProbabilities;
    private readonly double[] unseen;

    // Per word of the training text, the log-probabilities of its features in the order they are visited: a known
    // word costs one lookup instead of one per n-gram (~4 per letter), and adds the very same values in the same order.
    private readonly Dictionary<string, double[][]>.AlternateLookup<ReadOnlySpan<char>> knownWords;

    private LanguageIdentifier(Dictionary<string, double[]> logProbabilities, double[] unseen)
    {
        this.logProbabilities = logProbabilities.GetAlternateLookup<ReadOnlySpan<char>>();
        this.unseen = unseen;
        // Every feature of a training word was counted, so each has its own log-probabilities (none is "unseen").
        knownWords = KnownWords.Build(
            logProbabilities,
            "\u0001",
            padding: 2,
            (string word, char[] buffer, ref KnownWords.Collector<double[]> sink) => VisitWord(word, buffer, ref sink))
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Learns profiles from the catalog's titles, questions, keywords, answers and details.</summary>
    public static LanguageIdentifier FromCatalog(TopicCatalog catalog)
    {
        var samples = Latin.ToDictionary(l => l, _ => new List<string>());
        foreach (var topic in catalog.Topics)
        {
            foreach (var language in Latin)
            {
                var texts = samples[language];
                AddIfPresent(texts, topic.Title, language);
                AddIfPresent(texts, topic.Answer, language);
                AddIfPresent(texts, topic.Details, language);
                texts.AddRange(topic.Questions.GetValueOrDefault(language) ?? []);
                texts.AddRange(topic.Keywords.GetValueOrDefault(language) ?? []);
            }
        }

        foreach (var (language, cues) in catalog.Intents.Handoff.Concat(catalog.Intents.Emergency).Concat(catalog.Intents.EmergencyByKind.Values.SelectMany(k => k)))
        {
            if (samples.TryGetValue(language, out var texts))
            {
                texts.AddRange(cues.Select(c => c.Replace("*", string.Empty, StringComparison.Ordinal)));
            }
        }

        return Train(samples.ToDictionary(p => p.Key, p => (IEnumerable<string>)p.Value));
    }

    /// <summary>Learns profiles from sample texts per Latin-script language (sl, en, sq, hbs).</summary>
    public static LanguageIdentifier Train(IReadOnlyDictionary<string, IEnumerable<string>> samples)
    {
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[Latin.Length];
        for (var l = 0; l < Latin.Length; l++)
        {
            foreach (var text in samples.GetValueOrDefault(Latin[l]) ?? [])
            {
                var lower = text.ToLowerInvariant();
                var folded = TextNormalizer.Fold(text);
                Count(lower, l);
                if (folded != lower)
                {
                    Count(folded, l);
                }
            }
        }

        var vocabulary = Math.Max(counts.Count, 1);
        var unseen = new double[Latin.Length];
        for (var l = 0; l < Latin.Length; l++)
        {
            unseen[l] = Math.Log(Smoothing / (totals[l] + (Smoothing * vocabulary)));
        }

        var logs = new Dictionary<string, double[]>(counts.Count, StringComparer.Ordinal);
        foreach (var (feature, perLanguage) in counts)
        {
            var values = new double[Latin.Length];
            for (var l = 0; l < Latin.Length; l++)
            {
                values[l] = Math.Log((perLanguage[l] + Smoothing) / (totals[l] + (Smoothing * vocabulary)));
            }

            logs[feature] = values;
        }

        return new LanguageIdentifier(logs, unseen);

        void Count(string text, int language)
        {
            var sink = new CountSink(counts, totals, language);
            VisitFeatures(text, ref sink);
        }
    }

    /// <summary>The most likely language and its probability; en with confidence 0 when there is nothing to read.</summary>
    public LanguageGuess Identify(string text)
    {
        var best = Distribution(text).MaxBy(p => p.Confidence)!;
        return best.Confidence > 0 ? best : new LanguageGuess(Language.English, 0);
    }

    /// <summary>The probability of each of the five languages for <paramref name="text"/>, summing to 1 (or all 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<LanguageGuess> Distribution(string text)
    {
        var (arabic, cyrillic, latin) = CountScripts(text);
        if (arabic + cyrillic + latin == 0)
        {
            return [.. Language.All.Select(l => new LanguageGuess(l, 0.0))];
        }

        if (arabic > 0 && latin + cyrillic == 0)
        {
            return Certain(Language.Arabic, arabic, arabic);
        }

        // Arabic and Cyrillic writers mix in Latin names ("عنوان Ljudska univerza"); a few letters of the script decide.
        if (arabic >= MinScriptLetters && arabic >= cyrillic)
        {
            return Certain(Language.Arabic, arabic, arabic + cyrillic + latin);
        }

        if (cyrillic >= MinScriptLetters || cyrillic >= latin)
        {
            return Certain(Language.Bcs, cyrillic, arabic + cyrillic + latin);
        }

        var scores = ScoreLatin(text.ToLowerInvariant());
        var max = scores.Max();
        Span<double> exp = stackalloc double[scores.Length];
        var sum = 0.0;
        for (var l = 0; l < scores.Length; l++)
        {
            exp[l] = Math.Exp((scores[l] - max) / Temperature);
            sum += exp[l];
        }
        var result = new List<LanguageGuess>(Language.All.Count);
        foreach (var language in Language.All)
        {
            var index = Array.IndexOf(Latin, language);
            result.Add(new LanguageGuess(language, index < 0 ? 0.0 : exp[index] / sum));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] ScoreLatin(string lower)
    {
        var scores = new double[Latin.Length];
        var sink = new ScoreSink(logProbabilities, knownWords, unseen, scores);
        VisitFeatures(lower, ref sink);

        foreach (var c in lower)
        {
            switch (c)
            {
                case 'ë' or 'ç':
                    scores[Array.IndexOf(Latin, Language.Albanian)] += CueBonus;
                    break;
                case 'ć' or 'đ':
                    scores[Array.IndexOf(Latin, Language.Bcs)] += CueBonus;
                    break;
            }
        }

        return scores;
    }

    private static IReadOnlyList<LanguageGuess> Certain(string winner, int letters, int total)
    {
        var confidence = Math.Clamp(0.5 + (0.49 * letters / total), 0.5, 0.99);
        var rest = (1 - confidence) / (Language.All.Count - 1);
        return [.. Language.All.Select(l => new LanguageGuess(l, l == winner ? confidence : rest))];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Arabic, int Cyrillic, int Latin) CountScripts(string text)
    {
        int arabic = 0, cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
            {
                arabic += char.IsLetter(c) ? 1 : 0;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic += char.IsLetter(c) ? 1 : 0;
            }
            else if (char.IsLetter(c) && c < '\u0250')
            {
                latin++;
            }
        }

        return (arabic, cyrillic, latin);
    }

    // Per run of letters: the whole word, then its 1- to 4-grams with '_' marking the word's ends (no lone '_').
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VisitFeatures<TSink>(string lower, ref TSink sink)
        where TSink : struct, IWordSink
    {
        var longest = 0;
        var run = 0;
        foreach (var c in lower)
        {
            run = char.IsLetter(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        Span<char> buffer = longest <= 128 ? stackalloc char[longest + 2] : new char[longest + 2];
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            var isLetter = i < lower.Length && char.IsLetter(lower[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                var word = lower.AsSpan(start, i - start);
                start = -1;
                if (!sink.TryAddWord(word))
                {
                    VisitWord(word, buffer, ref sink);
                }
            }
        }
    }

    // A sink that may take a whole word at once.
    private interface IWordSink : IFeatureSink
    {
        bool TryAddWord(ReadOnlySpan<char> word);
    }

    // One word: the whole word, then its 1- to 4-grams with '_' marking its ends (no lone '_'). Buffer: length + 2.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VisitWord<TSink>(ReadOnlySpan<char> word, Span<char> buffer, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        // Layout: [0] the word mark ('\u0001', then '_'), the word, '_'.
        buffer[0] = '\u0001';
        word.CopyTo(buffer[1..]);
        sink.Add(buffer[..(word.Length + 1)], WordWeight);
        buffer[0] = '_';
        buffer[word.Length + 1] = '_';
        var padded = buffer[..(word.Length + 2)];
        for (var n = 1; n <= 4; n++)
        {
            for (var k = 0; k + n <= padded.Length; k++)
            {
                if (n == 1 && padded[k] == '_')
                {
                    continue;
                }

                sink.Add(padded.Slice(k, n), 1.0);
            }
        }
    }

    private static void AddIfPresent(List<string> texts, IReadOnlyDictionary<string, string> map, string language)
    {
        if (map.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            texts.Add(text);
        }
    }

    // Training: counts per feature and language.
    private readonly struct CountSink(Dictionary<string, double[]> counts, double[] totals, int language) : IWordSink
    {
        public bool TryAddWord(ReadOnlySpan<char> word) => false;

        public void Add(ReadOnlySpan<char> feature, double weight)
        {
            var key = new string(feature);
            if (!counts.TryGetValue(key, out var perLanguage))
            {
                perLanguage = new double[Latin.Length];
                counts[key] = perLanguage;
            }

            perLanguage[language] += weight;
            totals[language] += weight;
        }
    }

    // Identification: log-likelihood per Latin language.
    private readonly struct ScoreSink(
        Dictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> logProbabilities,
        Dictionary<string, double[][]>.AlternateLookup<ReadOnlySpan<char>> knownWords,
        double[] unseen, double[] scores) : IWordSink
    {
        /// <summary>Adds a known word's features at once (true), or leaves them to be visited (false).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryAddWord(ReadOnlySpan<char> word)
        {
            if (!knownWords.TryGetValue(word, out var features))
            {
                return false;
            }

            for (var j = 0; j < features.Length; j++)
            {
                var weight = j == 0 ? WordWeight : 1.0;
                var values = features[j];
                for (var l = 0; l < Latin.Length; l++)
                {
                    scores[l] += weight * values[l];
                }
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<char> feature, double weight)
        {
            var values = logProbabilities.TryGetValue(feature, out var known) ? known : unseen;
            for (var l = 0; l < Latin.Length; l++)
            {
                scores[l] += weight * values[l];
            }
        }
    }
}
