namespace IntegrationBot.Knowledge.Retrieval;

// A unit-length TF-IDF vector over feature ids.
internal sealed record SparseVector(int[] Ids, float[] Weights)
{
    public static SparseVector FromFeatures(FeatureBag features, Dictionary<string, int> vocabulary, double[] idf)
    {
        var pairs = features.Keys.Select((key, i) => (Id: vocabulary[key], Weight: features.Weights[i] * idf[vocabulary[key]])).ToList();
        return Normalized(pairs);
    }

    // The normalized sum of the entries' unit vectors plus the answer text, which counts as
    // answerWeight times all entries together (so a topic with many questions keeps the same balance).
    public static SparseVector Centroid(
        IReadOnlyList<SparseVector> entries, IReadOnlyList<double> entryWeights, SparseVector answer, double answerWeight, double exponent)
    {
        var sum = new Dictionary<int, double>();
        for (var e = 0; e < entries.Count; e++)
        {
            var vector = entries[e];
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                sum[vector.Ids[i]] = sum.GetValueOrDefault(vector.Ids[i]) + (entryWeights[e] * vector.Weights[i]);
            }
        }

        // Damping repeated features (exponent < 1) lets a word that only one sample question or keyword has
        // count next to words that every question of the topic repeats.
        foreach (var id in sum.Keys.ToList())
        {
            sum[id] = Math.Pow(sum[id], exponent);
        }

        var entriesLength = Math.Sqrt(sum.Values.Sum(v => v * v));
        for (var i = 0; i < answer.Ids.Length; i++)
        {
            sum[answer.Ids[i]] = sum.GetValueOrDefault(answer.Ids[i]) + (answerWeight * entriesLength * answer.Weights[i]);
        }

        return Normalized([.. sum.Select(p => (p.Key, p.Value))]);
    }

    private static SparseVector Normalized(List<(int Id, double Weight)> pairs)
    {
        var length = Math.Sqrt(pairs.Sum(p => p.Weight * p.Weight));
        if (length == 0)
        {
            return new SparseVector([], []);
        }

        return new SparseVector([.. pairs.Select(p => p.Id)], [.. pairs.Select(p => (float)(p.Weight / length))]);
    }
}
