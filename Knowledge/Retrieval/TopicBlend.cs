using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// From the scores of the reranked documents to the best topics: per topic the best document in the question's
/// language and the best in any other language, blended (a topic that matches in two languages gains), plus the
/// keyword bonus; ties keep the order in which topics were first met. At most a few dozen documents come in, so
/// small arrays searched linearly replace the dictionaries, sets and sorting this used to allocate per question.
/// </summary>
internal static class TopicBlend
{
    private const int StackLimit = 128;

    /// <summary>
    /// The best <paramref name="count"/> topics, best first, scores rounded to 4 decimals and clamped to 0..1.
    /// <paramref name="topics"/>, <paramref name="preferred"/> and <paramref name="scores"/> describe one document each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<TopicScore> Top(
        ReadOnlySpan<int> topics, ReadOnlySpan<bool> preferred, ReadOnlySpan<double> scores,
        Dictionary<int, double>? bonus, KnowledgeEngineOptions options, string[] topicIds, int count)
    {
        var n = topics.Length;
        var total = (2 * n) + (bonus?.Count ?? 0);
        Span<int> ids = total <= StackLimit ? stackalloc int[total] : new int[total];
        Span<double> values = total <= StackLimit ? stackalloc double[total] : new double[total];
        var ownTopics = ids[..n];
        var ownScores = values[..n];
        var otherTopics = ids.Slice(n, n);
        var otherScores = values.Slice(n, n);
        int owns = 0, others = 0;
        for (var d = 0; d < n; d++)
        {
            if (preferred[d])
            {
                KeepBest(ownTopics, ownScores, ref owns, topics[d], scores[d]);
            }
            else
            {
                KeepBest(otherTopics, otherScores, ref others, topics[d], scores[d]);
            }
        }

        // Topics in first-met order: those with a document in the question's language, then the others.
        Span<int> byTopic = total <= StackLimit ? stackalloc int[total] : new int[total];
        Span<double> blended = total <= StackLimit ? stackalloc double[total] : new double[total];
        var length = 0;
        for (var i = 0; i < owns; i++)
        {
            (byTopic[length], blended[length++]) = (ownTopics[i], Blend(ownScores[i], ScoreOf(otherTopics[..others], otherScores, ownTopics[i]), options));
        }

        for (var i = 0; i < others; i++)
        {
            if (ownTopics[..owns].IndexOf(otherTopics[i]) < 0)
            {
                (byTopic[length], blended[length++]) = (otherTopics[i], Blend(0, otherScores[i], options));
            }
        }

        if (bonus is not null)
        {
            foreach (var (topic, extra) in bonus)
            {
                var at = byTopic[..length].IndexOf(topic);
                if (at >= 0)
                {
                    blended[at] += extra;
                }
                else
                {
                    (byTopic[length], blended[length++]) = (topic, 0 + extra);
                }
            }
        }

        return Pick(byTopic[..length], blended[..length], topicIds, count);
    }

    private static double Blend(double own, double other, KnowledgeEngineOptions options) =>
        Math.Max(own, options.OtherLanguageFactor * other) + (options.OtherLanguageBlend * Math.Min(own, other));

    private static void KeepBest(Span<int> topics, Span<double> scores, ref int length, int topic, double score)
    {
        var at = topics[..length].IndexOf(topic);
        if (at < 0)
        {
            (topics[length], scores[length++]) = (topic, Math.Max(0, score));
        }
        else
        {
            scores[at] = Math.Max(scores[at], score);
        }
    }

    private static double ScoreOf(ReadOnlySpan<int> topics, ReadOnlySpan<double> scores, int topic)
    {
        var at = topics.IndexOf(topic);
        return at < 0 ? 0 : scores[at];
    }

    // A stable selection of the highest values: among equal values the earlier topic comes first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<TopicScore> Pick(ReadOnlySpan<int> topics, Span<double> values, string[] topicIds, int count)
    {
        var result = new List<TopicScore>(Math.Min(count, topics.Length));
        Span<bool> taken = topics.Length <= StackLimit ? stackalloc bool[topics.Length] : new bool[topics.Length];
        while (result.Count < count && result.Count < topics.Length)
        {
            var best = -1;
            for (var i = 0; i < topics.Length; i++)
            {
                if (!taken[i] && (best < 0 || values[i] > values[best]))
                {
                    best = i;
                }
            }

            taken[best] = true;
            result.Add(new TopicScore(topicIds[topics[best]], Math.Round(Math.Clamp(values[best], 0, 1), 4)));
        }

        return result;
    }
}
