using System.Buffers;
using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Turns a question's words into its TF-IDF vector over the index's feature ids: known features weighted by IDF
/// and normalized together with the features the index has never seen, so a question full of unknown words scores
/// low (that is how out-of-scope questions fall out). Features are looked up by span in the vocabulary, so no
/// string is made per feature; the arithmetic and its order are those of summing a feature dictionary first.
/// </summary>
internal sealed class QueryEncoder
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> vocabulary;
    private readonly double[] idf;
    private readonly double unknownIdf;
    private readonly KnowledgeEngineOptions options;

    // Per word of the content, its feature ids in the order TextFeatures visits them: a known word costs one lookup
    // instead of one per feature (~2 per letter), and adds the very same ids with the very same weights.
    private readonly Dictionary<string, int[]> knownWords;

    // Our own pool: rented arrays come back cleared by us, so they are always zero.
    private readonly ArrayPool<int> pool = ArrayPool<int>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);

    public QueryEncoder(Dictionary<string, int> vocabulary, double[] idf, double unknownIdf, KnowledgeEngineOptions options)
    {
        this.vocabulary = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        this.idf = idf;
        this.unknownIdf = unknownIdf;
        this.options = options;
        // Every word of the content has all its features in the vocabulary.
        knownWords = KnownWords.Build(
            vocabulary,
            "w:",
            padding: 3,
            (string word, char[] buffer, ref KnownWords.Collector<int> sink) => TextFeatures.VisitTerm(word, options, buffer, ref sink));
    }

    /// <summary>An upper bound of the number of distinct features of <paramref name="terms"/>: the size of the output arrays.</summary>
    public static int MaxFeatures(IReadOnlyList<string> terms)
    {
        var bound = 0;
        foreach (var term in terms)
        {
            bound += (2 * term.Length) + 3; // word, prefix, (length) 3-grams and (length - 1) 4-grams of "<term>"
        }

        return bound;
    }

    // The characters of all feature occurrences of terms: "w:" word, "p:" prefix, 3-grams and 4-grams of "<term>".
    private static int MaxFeatureChars(IReadOnlyList<string> terms)
    {
        var bound = 0;
        foreach (var term in terms)
        {
            bound += (9 * term.Length) + 16;
        }

        return bound;
    }

    /// <summary>
    /// Writes the known features (first-occurrence order) and their unit-vector weights to <paramref name="ids"/>
    /// and <paramref name="weights"/> (at least <see cref="MaxFeatures"/> long); returns how many. Zero when the
    /// question has no known feature.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Encode(IReadOnlyList<string> terms, int[] ids, double[] weights)
    {
        // ids/weights first hold one slot per distinct feature (id -1 when unknown) with its summed raw weight.
        var longest = 0;
        foreach (var term in terms)
        {
            longest = Math.Max(longest, term.Length);
        }

        Span<char> buffer = longest <= 128 ? stackalloc char[longest + 3] : new char[longest + 3];
        var slotOfId = pool.Rent(idf.Length);
        var sink = new Sink(vocabulary, slotOfId, ids, weights, terms);
        try
        {
            foreach (var term in terms)
            {
                if (knownWords.TryGetValue(term, out var featureIds))
                {
                    for (var j = 0; j < featureIds.Length; j++)
                    {
                        sink.AddKnown(featureIds[j], TextFeatures.WeightAt(term, j, options));
                    }
                }
                else
                {
                    TextFeatures.VisitTerm(term, options, buffer, ref sink);
                }
            }
        }
        finally
        {
            sink.Dispose();
            for (var s = 0; s < sink.Count; s++)
            {
                if (ids[s] >= 0)
                {
                    slotOfId[ids[s]] = 0;
                }
            }

            pool.Return(slotOfId);
        }

        var norm = 0.0;
        var known = 0;
        for (var s = 0; s < sink.Count; s++)
        {
            var weight = weights[s] * (ids[s] >= 0 ? idf[ids[s]] : unknownIdf);
            norm += weight * weight;
            if (ids[s] >= 0)
            {
                ids[known] = ids[s];
                weights[known++] = weight;
            }
        }

        if (norm == 0)
        {
            return 0;
        }

        var length = Math.Sqrt(norm);
        for (var k = 0; k < known; k++)
        {
            weights[k] /= length;
        }

        return known;
    }

    private struct Sink(
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> vocabulary, int[] slotOfId, int[] ids, double[] raw, IReadOnlyList<string> terms)
        : IFeatureSink, IDisposable
    {
        private SpanSlots? unknownSlots;

        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<char> feature, double weight)
        {
            if (vocabulary.TryGetValue(feature, out var id))
            {
                AddKnown(id, weight);
                return;
            }

            unknownSlots ??= new SpanSlots(MaxFeatures(terms), MaxFeatureChars(terms));
            unknownSlots.GetOrAdd(feature, Count, out var slot);
            Place(slot, -1, weight);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddKnown(int id, double weight)
        {
            var slot = slotOfId[id] - 1; // stored plus one: zero means not seen yet
            if (slot < 0)
            {
                slot = Count;
                slotOfId[id] = slot + 1;
            }

            Place(slot, id, weight);
        }

        private void Place(int slot, int id, double weight)
        {
            if (slot == Count)
            {
                ids[slot] = id;
                raw[slot] = 0;
                Count++;
            }

            raw[slot] += weight;
        }

        public readonly void Dispose() => unknownSlots?.Dispose();
    }
}
