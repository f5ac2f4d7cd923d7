namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// A text's features with their summed weights, in first-occurrence order (the order <see cref="TextFeatures.Extract(string, KnowledgeEngineOptions)"/>
/// found them, so the index built from bags is the one built from the dictionaries).
/// </summary>
/// <remarks>
/// <see cref="TopicIndex"/> keeps every topic's features for the life of the process so an edit re-reads only the
/// edited topic. As dictionaries with a string of their own per feature they were ~25 MB of a ~48 MB heap
/// (docs/benchmarks.md, issue 19, third part): two arrays without spare room, and one string per distinct feature
/// shared by every bag, hold the same in about a third of that.
/// </remarks>
internal sealed record FeatureBag(string[] Keys, double[] Weights)
{
    /// <param name="features">The extracted features.</param>
    /// <param name="strings">Feature strings already kept; a feature equal to one of them is stored as that instance.</param>
    public static FeatureBag From(Dictionary<string, double> features, HashSet<string> strings)
    {
        var keys = new string[features.Count];
        var weights = new double[features.Count];
        var i = 0;
        foreach (var (key, weight) in features)
        {
            if (!strings.TryGetValue(key, out var kept))
            {
                kept = key;
                strings.Add(kept);
            }

            keys[i] = kept;
            weights[i] = weight;
            i++;
        }

        return new FeatureBag(keys, weights);
    }

    public int Count => Keys.Length;
}
