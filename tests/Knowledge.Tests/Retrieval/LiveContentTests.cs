using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>Publishing edited content into a running engine: the new text is found at once, only the edited topic is re-read.</summary>
public sealed class LiveContentTests : IDisposable
{
    private readonly ContentFixture fixture = new();

    [Fact]
    public void A_sample_question_added_to_one_topic_is_found_after_apply_and_only_that_topic_is_reindexed()
    {
        var catalog = fixture.Load();
        var engine = new KnowledgeEngine(catalog);
        Assert.Equal(catalog.Topics.Count, engine.LastIndexedTopicCount);
        const string question = "zeppelin mooring licence postojna";
        Assert.NotEqual("housing", engine.Ask(question, forcedLanguage: "en").Topic);

        var housing = catalog.Find("housing")!;
        var questions = new Dictionary<string, IReadOnlyList<string>>(housing.Questions) { ["en"] = [.. housing.Questions["en"], question] };
        engine.Apply(catalog.WithTopic(housing with { Questions = questions }));

        Assert.Equal("housing", engine.Ask(question, forcedLanguage: "en").Topic);
        Assert.Equal(1, engine.LastIndexedTopicCount);
        Assert.Same(engine.Catalog.Find("housing")!.Questions, questions);
    }

    [Fact]
    public void A_retired_topic_is_no_longer_answered()
    {
        var catalog = fixture.Load();
        var engine = new KnowledgeEngine(catalog);
        Assert.Equal("bank-account", engine.Ask("How do I open a bank account?").Topic);

        engine.Apply(catalog.WithoutTopic("bank-account"));

        Assert.NotEqual("bank-account", engine.Ask("How do I open a bank account?").Topic);
        Assert.Null(engine.Catalog.Find("bank-account"));
        Assert.Equal(0, engine.LastIndexedTopicCount);
    }

    public void Dispose() => fixture.Dispose();
}
