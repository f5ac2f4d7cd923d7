using System.Buffers;
using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// TF-IDF index over the topics' titles, sample questions and keywords, one document per topic and language.
/// A question is scored in two stages: cosine similarity with each document's centroid (through an inverted
/// index, so cost grows with the matching features, not with the number of topics), then, for the best documents
/// only, the similarity with their single closest sample question (through the same postings: <see cref="EntryPostings"/>).
/// Documents in the question's language count fully; other languages a little less, so a question in English still
/// finds its topic in a Slovenian conversation. Built once; searching is thread-safe.
/// </summary>
public sealed class TopicIndex
{
    private const int RerankCount = 30;

    // One heap per thread for choosing the best documents, reused: emptied before use (it is left empty anyway), and a
    // heap hands out the same order whatever its spare capacity (~0.5 KB less garbage per question).
    [ThreadStatic]
    private static PriorityQueue<int, double>? bestHeap;

    private readonly string[] topicIds;
    private readonly int[] docTopic;
    private readonly int[] docLanguage;
    private readonly int[][] postingDocs;
    private readonly float[][] postingWeights;
    private readonly EntryPostings entries;
    private readonly QueryEncoder encoder;
    private readonly KnowledgeEngineOptions options;
    private readonly KeywordPhrases keywords;
    private readonly SpellingCorrector spelling;
    // The topics' extracted features, kept so a publish re-reads only the edited topic; built lazily, the first
    // publish re-read everything on every instance and missed the 2 s target. As FeatureBags: see its remarks.
    private IReadOnlyDictionary<Topic, TopicFeatures> features = new Dictionary<Topic, TopicFeatures>();

    /// <summary>The features kept for the next <see cref="Rebuild"/>, by topic.</summary>
    internal IReadOnlyDictionary<Topic, TopicFeatures> Features => features;

    // Pools of our own: arrays come back cleared by us, so rented arrays are always zero (the shared pool may
    // hand out arrays other code left dirty).
    private readonly ArrayPool<double> pool = ArrayPool<double>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);
    private readonly ArrayPool<int> intPool = ArrayPool<int>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);
    private readonly ArrayPool<bool> boolPool = ArrayPool<bool>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);

    private TopicIndex(
        KnowledgeEngineOptions options,
        string[] topicIds,
        int[] docTopic, int[] docLanguage, SparseVector[][] docEntries,
        Dictionary<string, int> vocabulary, double[] idf, int[][] postingDocs, float[][] postingWeights, KeywordPhrases keywords)
    {
        this.options = options;
        this.keywords = keywords;
        this.topicIds = topicIds;
        this.docTopic = docTopic;
        this.docLanguage = docLanguage;
        this.postingDocs = postingDocs;
        this.postingWeights = postingWeights;
        entries = EntryPostings.Build(docEntries, postingDocs);
        encoder = new QueryEncoder(vocabulary, idf, Math.Pow(Math.Log(1 + docTopic.Length), options.IdfPower), options);
        spelling = new SpellingCorrector(vocabulary, idf);
    }

    /// <summary>Number of topics indexed.</summary>
    public int TopicCount => topicIds.Length;

    /// <summary>Builds the index from the topics' titles, questions and keywords in every language.</summary>
    public static TopicIndex Build(IEnumerable<Topic> topics, KnowledgeEngineOptions options) => Build(topics, options, reuse: null);

    /// <summary>
    /// The index over <paramref name="topics"/> after an edit: the text features of topics this index already holds
    /// (the same <see cref="Topic"/> instances) are reused, so only the changed topics are read again. The weights
    /// (IDF) are recomputed over all topics, which is cheap next to reading their text.
    /// </summary>
    public TopicIndex Rebuild(IEnumerable<Topic> topics) => Build(topics, options, features);

    /// <summary>How many topics this index read the text of (all at first; after <see cref="Rebuild"/>, only the changed ones).</summary>
    public int ExtractedTopicCount { get; private init; }

    private static TopicIndex Build(IEnumerable<Topic> topics, KnowledgeEngineOptions options, IReadOnlyDictionary<Topic, TopicFeatures>? reuse)
    {
        var topicList = topics as IReadOnlyList<Topic> ?? [.. topics];
        var ids = new List<string>();
        var docTopic = new List<int>();
        var docLanguage = new List<int>();
        var rawEntries = new List<FeatureBag[]>();
        var rawAnswers = new List<FeatureBag>();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var entryWeights = new List<double[]>();
        var cache = new Dictionary<Topic, TopicFeatures>(ReferenceEqualityComparer.Instance);
        var extracted = 0;
        foreach (var topic in topicList)
        {
            ids.Add(topic.Id);
            if (reuse is null || !reuse.TryGetValue(topic, out var topicFeatures))
            {
                topicFeatures = TopicFeatures.Extract(topic, options, strings);
                extracted++;
            }

            cache[topic] = topicFeatures;
            foreach (var document in topicFeatures.Documents)
            {
                docTopic.Add(ids.Count - 1);
                docLanguage.Add(document.Language);
                rawEntries.Add(document.Entries);
                entryWeights.Add(document.Weights);
                rawAnswers.Add(document.Answer);
            }
        }

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        for (var d = 0; d < rawEntries.Count; d++)
        {
            foreach (var feature in rawEntries[d].SelectMany(e => e.Keys).Concat(rawAnswers[d].Keys).Distinct())
            {
                if (!vocabulary.TryGetValue(feature, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[feature] = id;
                    df.Add(0);
                }

                df[id]++;
            }
        }

        var idf = df.Select(d => Math.Pow(Math.Log(1 + ((double)rawEntries.Count / d)), options.IdfPower)).ToArray();
        var docEntries = new SparseVector[rawEntries.Count][];
        var postings = new List<(int Doc, float Weight)>[vocabulary.Count];
        for (var d = 0; d < rawEntries.Count; d++)
        {
            docEntries[d] = [.. rawEntries[d].Select(e => SparseVector.FromFeatures(e, vocabulary, idf))];
            var answer = SparseVector.FromFeatures(rawAnswers[d], vocabulary, idf);
            var centroid = SparseVector.Centroid(docEntries[d], entryWeights[d], answer, options.AnswerTextWeight, options.CentroidExponent);
            for (var i = 0; i < centroid.Ids.Length; i++)
            {
                (postings[centroid.Ids[i]] ??= []).Add((d, centroid.Weights[i]));
            }
        }

        return new TopicIndex(
            options,
            [.. ids], [.. docTopic], [.. docLanguage], docEntries, vocabulary, idf,
            [.. postings.Select(p => p.Select(x => x.Doc).ToArray())],
            [.. postings.Select(p => p.Select(x => x.Weight).ToArray())],
            KeywordPhrases.Build(topicList, options.PrefixLength))
        {
            features = cache,
            ExtractedTopicCount = extracted,
        };
    }

    /// <summary>The ids of the topics already folded text names by a keyword or title (<see cref="KeywordPhrases.Named"/>).</summary>
    public IReadOnlySet<string> TopicsNamedIn(string folded) => TopicsNamedIn(TextFeatures.Terms(folded));

    /// <summary>The same for the words <see cref="TextFeatures.Terms(string)"/> made of the folded text.</summary>
    internal IReadOnlySet<string> TopicsNamedIn(IReadOnlyList<string> terms) =>
        keywords.Named(terms).Select(t => topicIds[t]).ToHashSet(StringComparer.Ordinal);

    /// <summary><paramref name="terms"/> with each unknown word put right where it is one typing slip from a word of the
    /// content (<see cref="SpellingCorrector"/>); the same list when none is.</summary>
    internal List<string> Corrected(List<string> terms) => spelling.Correct(terms);

    /// <summary>The best <paramref name="count"/> topics for already folded text, best first, scores 0..1.</summary>
    public IReadOnlyList<TopicScore> Search(string folded, string preferredLanguage, int count) =>
        Search(TextFeatures.Terms(folded), preferredLanguage, count);

    /// <summary>The same for the words <see cref="TextFeatures.Terms(IReadOnlyList{string})"/> made of the folded tokens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal IReadOnlyList<TopicScore> Search(List<string> terms, string preferredLanguage, int count)
    {
        var maxFeatures = QueryEncoder.MaxFeatures(terms);
        var queryIds = intPool.Rent(maxFeatures);
        var queryWeights = pool.Rent(maxFeatures);
        var scores = pool.Rent(docTopic.Length);
        var touched = intPool.Rent(docTopic.Length);
        var touchedCount = 0;
        try
        {
            var length = encoder.Encode(terms, queryIds, queryWeights);
            if (length == 0)
            {
                return [];
            }

            for (var q = 0; q < length; q++)
            {
                var weight = queryWeights[q];
                var docs = postingDocs[queryIds[q]];
                var weights = postingWeights[queryIds[q]];
                for (var i = 0; i < docs.Length; i++)
                {
                    if (scores[docs[i]] == 0)
                    {
                        if (touchedCount == touched.Length)
                        {
                            touched = Grow(touched); // a document whose added weight rounded to zero comes again
                        }

                        touched[touchedCount++] = docs[i];
                    }

                    scores[docs[i]] += weight * weights[i];
                }
            }

            var bonus = keywords.Bonus(terms, options.KeywordMatchBonus, options.SingleWordKeywordFactor, options.KeywordMatchMaxWords, options.KeywordPhraseMaxWords);
            var best = Best(touched.AsSpan(0, touchedCount), scores);
            Span<double> closest = stackalloc double[best.Count]; // at most RerankCount
            Closest(best, queryIds.AsSpan(0, length), queryWeights.AsSpan(0, length), closest);
            return Rank(best, closest, scores, IndexOfLanguage(preferredLanguage), count, bonus);
        }
        finally
        {
            foreach (var doc in touched.AsSpan(0, touchedCount))
            {
                scores[doc] = 0;
            }

            Array.Clear(touched, 0, touchedCount);
            intPool.Return(touched);
            Array.Clear(queryWeights, 0, maxFeatures);
            Array.Clear(queryIds, 0, maxFeatures);
            pool.Return(scores);
            pool.Return(queryWeights);
            intPool.Return(queryIds);
        }
    }

    private int[] Grow(int[] rented)
    {
        var larger = intPool.Rent(rented.Length * 2);
        rented.CopyTo(larger, 0);
        Array.Clear(rented);
        intPool.Return(rented);
        return larger;
    }

    // The documents with the best centroid scores, in the order the rest of the ranking has always taken them
    // (lowest first, as a min-heap hands them out). A small heap: sorting every touched document costs too much
    // at 5,000 topics.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<int> Best(ReadOnlySpan<int> touched, double[] scores)
    {
        var heap = bestHeap ??= new PriorityQueue<int, double>(RerankCount + 1);
        heap.Clear(); // a question that failed half-way must not leave its documents to the next
        foreach (var doc in touched)
        {
            if (heap.Count < RerankCount)
            {
                heap.Enqueue(doc, scores[doc]);
            }
            else if (heap.TryPeek(out _, out var lowest) && scores[doc] > lowest)
            {
                heap.EnqueueDequeue(doc, scores[doc]);
            }
        }

        var best = new List<int>(heap.Count);
        while (heap.TryDequeue(out var doc, out _))
        {
            best.Add(doc);
        }

        return best;
    }

    // Per document of best, the similarity with its closest entry (title, sample question or keyword).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Closest(List<int> best, ReadOnlySpan<int> queryIds, ReadOnlySpan<double> queryWeights, Span<double> closest)
    {
        var selected = boolPool.Rent(docTopic.Length);
        foreach (var doc in best)
        {
            selected[doc] = true;
        }

        var entryScores = pool.Rent(entries.EntryCount);
        try
        {
            entries.Accumulate(queryIds, queryWeights, postingDocs, selected, best, entryScores);
            for (var b = 0; b < best.Count; b++)
            {
                closest[b] = entries.Closest(best[b], entryScores);
                entries.Clear(best[b], entryScores);
            }
        }
        finally
        {
            foreach (var doc in best)
            {
                selected[doc] = false;
            }

            boolPool.Return(selected);
            pool.Return(entryScores);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<TopicScore> Rank(List<int> best, ReadOnlySpan<double> closest, double[] scores, int preferred, int count, Dictionary<int, double>? bonus)
    {
        Span<int> topics = stackalloc int[best.Count]; // at most RerankCount
        Span<bool> inPreferred = stackalloc bool[best.Count];
        Span<double> blended = stackalloc double[best.Count];
        for (var b = 0; b < best.Count; b++)
        {
            var doc = best[b];
            topics[b] = docTopic[doc];
            inPreferred[b] = docLanguage[doc] == preferred;
            blended[b] = (options.CentroidShare * scores[doc]) + ((1 - options.CentroidShare) * closest[b]);
        }

        return TopicBlend.Top(topics, inPreferred, blended, bonus, options, topicIds, count);
    }

    private static int IndexOfLanguage(string language)
    {
        for (var i = 0; i < Language.All.Count; i++)
        {
            if (Language.All[i] == language)
            {
                return i;
            }
        }

        return -1;
    }
}
