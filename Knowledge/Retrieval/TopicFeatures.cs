using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// The text features of one topic, one document per language that has text: its title, questions and keywords as
/// weighted entries, and its answer. Kept by <see cref="TopicIndex"/> so an edit re-reads only the changed topic.
/// </summary>
internal sealed record TopicFeatures(IReadOnlyList<TopicFeatures.Document> Documents)
{
    /// <param name="strings">Feature strings kept so far by the index being built (see <see cref="FeatureBag"/>).</param>
    public static TopicFeatures Extract(Topic topic, KnowledgeEngineOptions options, HashSet<string> strings)
    {
        var documents = new List<Document>();
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

            var answer = (topic.Answer.GetValueOrDefault(language) ?? string.Empty) + "\n" + (topic.Details.GetValueOrDefault(language) ?? string.Empty);
            documents.Add(new Document(
                l,
                [.. entries.Select(e => FeatureBag.From(e.Features, strings))],
                [.. entries.Select(e => e.Weight)],
                FeatureBag.From(TextFeatures.Extract(TextNormalizer.Fold(SourceMarkers.Strip(DirectoryPlaceholders.Strip(OfficePlaceholders.Strip(answer)))), options), strings)));
        }

        return new TopicFeatures(documents);
    }

    /// <summary>One language of the topic: entry features with their weights, and the answer's features.</summary>
    internal sealed record Document(int Language, FeatureBag[] Entries, double[] Weights, FeatureBag Answer);
}
