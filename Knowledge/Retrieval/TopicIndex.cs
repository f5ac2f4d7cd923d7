using System.Buffers;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// TF-IDF index over the topics' titles, sample questions and keywords, one document per topic and language.
/// A question is scored in two stages: cosine similarity with each document's centroid (through an inverted
/// index, so cost grows with the matching features, not with the number of topics), then, for the best
/// documents only, the similarity with their single closest sample question. Documents in the question's
/// language count fully; other languages count a little less, so a question in English still finds its
/// topic in a Slovenian conversation. Built once; searching is thread-safe.
/// </summary>
public sealed class TopicIndex
{
    private const int RerankCount = 30;

    private readonly string[] topicIds;
    private readonly int[] docTopic;
    private readonly int[] docLanguage;
    private readonly SparseVector[][] docEntries;
    private readonly Dictionary<string, int> vocabulary;
    private readonly double[] idf;
    private readonly int[][] postingDocs;
    private readonly float[][] postingWeights;
    private readonly double unknownIdf;
    private readonly KnowledgeEngineOptions options;
    private readonly KeywordPhrases keywords;

    // A pool of our own: arrays come back cleared by us, so rented arrays are always zero (the shared pool may
    // hand out arrays other code left dirty).
    private readonly ArrayPool<double> pool = ArrayPool<double>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);

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
        this.docEntries = docEntries;
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.postingDocs = postingDocs;
        this.postingWeights = postingWeights;
        unknownIdf = Math.Pow(Math.Log(1 + docTopic.Length), options.IdfPower);
    }

    /// <summary>Number of topics indexed.</summary>
    public int TopicCount => topicIds.Length;

    /// <summary>Builds the index from the topics' titles, questions and keywords in every language.</summary>
    public static TopicIndex Build(IEnumerable<Topic> topics, KnowledgeEngineOptions options)
    {
        var topicList = topics as IReadOnlyList<Topic> ?? [.. topics];
        var ids = new List<string>();
        var docTopic = new List<int>();
        var docLanguage = new List<int>();
        var rawEntries = new List<List<Dictionary<string, double>>>();
        var rawAnswers = new List<Dictionary<string, double>>();
        var entryWeights = new List<double[]>();
        foreach (var topic in topicList)
        {
            ids.Add(topic.Id);
            for (var l = 0; l < Language.All.Count; l++)
            {
                var language = Language.All[l];
                var texts = new List<(string Text, double Weight)>();
                if (topic.Title.TryGetValue(language, out var title))
                {
                    texts.Add((title, options.KeywordWeight));
                }

                texts.AddRange((topic.Questions.GetValueOrDefault(language) ?? []).Select(q => (q, 1.0)));
                texts.AddRange((topic.Keywords.GetValueOrDefault(language) ?? []).Select(k => (k, options.KeywordWeight)));
                var entries = texts
                    .Select(t => (Features: TextFeatures.Extract(TextNormalizer.Fold(t.Text), options), t.Weight))
                    .Where(e => e.Features.Count > 0)
                    .ToList();
                if (entries.Count == 0)
                {
                    continue;
                }

                docTopic.Add(ids.Count - 1);
                docLanguage.Add(l);
                rawEntries.Add([.. entries.Select(e => e.Features)]);
                entryWeights.Add([.. entries.Select(e => e.Weight)]);
                var answer = (topic.Answer.GetValueOrDefault(language) ?? string.Empty) + "\n" + (topic.Details.GetValueOrDefault(language) ?? string.Empty);
                rawAnswers.Add(TextFeatures.Extract(TextNormalizer.Fold(OfficePlaceholders.Strip(answer)), options));
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
            KeywordPhrases.Build(topicList));
    }

    /// <summary>The best <paramref name="count"/> topics for already folded text, best first, scores 0..1.</summary>
    public IReadOnlyList<TopicScore> Search(string folded, string preferredLanguage, int count)
    {
        var terms = TextFeatures.Terms(folded);
        var query = QueryVector(terms);
        if (query.Count == 0)
        {
            return [];
        }

        var preferred = IndexOfLanguage(preferredLanguage);
        var scores = pool.Rent(docTopic.Length);
        var dense = pool.Rent(idf.Length);
        var touched = new List<int>();
        try
        {
            foreach (var (feature, weight) in query)
            {
                dense[feature] = weight;
                var docs = postingDocs[feature];
                var weights = postingWeights[feature];
                for (var i = 0; i < docs.Length; i++)
                {
                    if (scores[docs[i]] == 0)
                    {
                        touched.Add(docs[i]);
                    }

                    scores[docs[i]] += weight * weights[i];
                }
            }

            return Rank(touched, scores, dense, preferred, count, keywords.Bonus(terms, options.KeywordMatchBonus, options.KeywordMatchMaxWords));
        }
        finally
        {
            foreach (var doc in touched)
            {
                scores[doc] = 0;
            }

            foreach (var feature in query.Keys)
            {
                dense[feature] = 0;
            }

            pool.Return(scores);
            pool.Return(dense);
        }
    }

    private List<TopicScore> Rank(List<int> touched, double[] scores, double[] dense, int preferred, int count, Dictionary<int, double> bonus)
    {
        // Keep the best documents with a small min-heap: sorting every touched document costs too much at 5,000 topics.
        var heap = new PriorityQueue<int, double>(RerankCount + 1);
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

        var inPreferred = new Dictionary<int, double>();
        var inOther = new Dictionary<int, double>();
        while (heap.TryDequeue(out var doc, out _))
        {
            var closest = 0.0;
            foreach (var entry in docEntries[doc])
            {
                closest = Math.Max(closest, entry.Dot(dense));
            }

            var score = (options.CentroidShare * scores[doc]) + ((1 - options.CentroidShare) * closest);
            var bucket = docLanguage[doc] == preferred ? inPreferred : inOther;
            bucket[docTopic[doc]] = Math.Max(bucket.GetValueOrDefault(docTopic[doc]), score);
        }

        var byTopic = new Dictionary<int, double>();
        foreach (var topic in inPreferred.Keys.Union(inOther.Keys))
        {
            var own = inPreferred.GetValueOrDefault(topic);
            var other = inOther.GetValueOrDefault(topic);
            byTopic[topic] = Math.Max(own, options.OtherLanguageFactor * other) + (options.OtherLanguageBlend * Math.Min(own, other));
        }

        foreach (var (topic, extra) in bonus)
        {
            byTopic[topic] = byTopic.GetValueOrDefault(topic) + extra;
        }

        return [.. byTopic.OrderByDescending(p => p.Value).Take(count)
            .Select(p => new TopicScore(topicIds[p.Key], Math.Round(Math.Clamp(p.Value, 0, 1), 4)))];
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

    // The query's known features, weighted by IDF and normalized together with the features the index has
    // never seen, so a question full of unknown words scores low (that is how out-of-scope questions fall out).
    private Dictionary<int, double> QueryVector(IReadOnlyList<string> terms)
    {
        var features = TextFeatures.Extract(terms, options);
        var query = new Dictionary<int, double>(features.Count);
        var norm = 0.0;
        foreach (var (feature, raw) in features)
        {
            if (vocabulary.TryGetValue(feature, out var id))
            {
                var weight = raw * idf[id];
                query[id] = weight;
                norm += weight * weight;
            }
            else
            {
                var weight = raw * unknownIdf;
                norm += weight * weight;
            }
        }

        if (norm == 0)
        {
            return [];
        }

        var length = Math.Sqrt(norm);
        foreach (var id in query.Keys.ToList())
        {
            query[id] /= length;
        }

        return query;
    }
}
