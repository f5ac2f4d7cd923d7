namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Per word of the content, the values of its features (feature ids for retrieval, log-probabilities for language
/// identification) in the order a feature walk visits them, so a known word costs one lookup at query time instead of
/// one per feature, and adds the very same values in the same order. A word is kept only when every one of its
/// features is known (a feature missing from the table would be scored differently).
/// </summary>
internal static class KnownWords
{
    /// <summary>Walks one word's features into <paramref name="sink"/>; <paramref name="buffer"/> has room for the word
    /// plus the padding the walk needs.</summary>
    public delegate void Walk<T>(string word, char[] buffer, ref Collector<T> sink);

    /// <summary>The words among <paramref name="features"/>' keys that start with <paramref name="wordPrefix"/> (the walk's
    /// whole-word feature), each with its features' values as <paramref name="walk"/> visits them.</summary>
    public static Dictionary<string, T[]> Build<T>(Dictionary<string, T> features, string wordPrefix, int padding, Walk<T> walk)
    {
        var lookup = features.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new Dictionary<string, T[]>(StringComparer.Ordinal);
        var values = new List<T>();
        var buffer = new char[128];
        foreach (var key in features.Keys)
        {
            if (!key.StartsWith(wordPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var word = key[wordPrefix.Length..];
            if (buffer.Length < word.Length + padding)
            {
                buffer = new char[word.Length + padding];
            }

            values.Clear();
            var sink = new Collector<T>(lookup, values);
            walk(word, buffer, ref sink);
            if (sink.Complete)
            {
                words[word] = [.. values];
            }
        }

        return words;
    }

    /// <summary>Collects a word's features' values, and whether all of them are known.</summary>
    public struct Collector<T>(Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> features, List<T> values) : IFeatureSink
    {
        public bool Complete { get; private set; } = true;

        public void Add(ReadOnlySpan<char> feature, double weight)
        {
            if (features.TryGetValue(feature, out var value))
            {
                values.Add(value);
            }
            else
            {
                Complete = false;
            }
        }
    }
}
