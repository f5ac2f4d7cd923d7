using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// The index keeps every topic's features for the next publish (issue 19, memory): compactly, yet exactly what
/// extraction found, in its order, so the index and every answer are the ones the dictionaries gave.
/// </summary>
public sealed class KeptFeaturesTests
{
    private static readonly TopicCatalog Catalog = TopicCatalog.LoadDefault();
    private static readonly TopicIndex Index = TopicIndex.Build(Catalog.Topics, new KnowledgeEngineOptions());

    [Fact]
    public void Each_distinct_feature_is_one_string_shared_by_every_topic_that_has_it()
    {
        var keys = Index.Features.Values.SelectMany(f => f.Documents).SelectMany(d => d.Entries.Append(d.Answer)).SelectMany(b => b.Keys).ToList();
        var instances = keys.Distinct(ReferenceEqualityComparer.Instance).Count();

        Assert.True(keys.Count > 10 * instances, $"{keys.Count} features kept, {instances} strings");
        Assert.Equal(keys.Distinct(StringComparer.Ordinal).Count(), instances);
    }

    [Fact]
    public void A_kept_answer_has_the_extracted_features_in_their_order_with_their_weights()
    {
        var options = new KnowledgeEngineOptions();
        var topic = Catalog.Topics.First(t => t.Questions.Count > 0);
        var document = Index.Features[topic].Documents[0];
        var language = IntegrationBot.Knowledge.Languages.Language.All[document.Language];
        var question = topic.Questions[language][0];

        var extracted = TextFeatures.Extract(TextNormalizer.Fold(question), options);

        var kept = document.Entries.Single(b => b.Keys.SequenceEqual(extracted.Keys));
        Assert.Equal(extracted.Values, kept.Weights);
    }
}
