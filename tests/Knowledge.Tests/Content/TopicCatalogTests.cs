using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Tests.Content;

public sealed class TopicCatalogTests
{
    [Fact]
    public void Loads_every_topic_with_all_fields_and_the_intent_cues()
    {
        using var fixture = new ContentFixture();
        var catalog = fixture.Load();

        Assert.Empty(catalog.LoadProblems);
        Assert.Equal(RequiredTopics.Ids.Order(), catalog.Topics.Select(t => t.Id).Order());
        var bank = catalog.Find("bank-account")!;
        Assert.Equal("documents", bank.Category);
        Assert.Equal(["tax-number"], bank.Related);
        Assert.Equal(new DateOnly(2026, 11, 1), bank.Reviewed);
        Assert.Equal("topics/bank-account.yaml", bank.SourceFile);
        Assert.All(Language.All, l => Assert.Equal(8, bank.Questions[l].Count));
        Assert.Equal("Kako odprem bančni račun?", bank.Questions["sl"][0]);
        Assert.True(catalog.Find("emergency-numbers")!.IsEmergency);
        Assert.Contains("counselor*", catalog.Intents.Handoff["en"]);
    }

    [Fact]
    public void A_file_with_broken_yaml_is_reported_with_its_line_and_the_others_still_load()
    {
        using var fixture = new ContentFixture();
        fixture.WriteTopic("doctor", "id: doctor\ntitle: [unclosed\n");

        var catalog = fixture.Load();

        var problem = Assert.Single(catalog.LoadProblems);
        Assert.Equal("topics/doctor.yaml", problem.File);
        Assert.Contains("line", problem.Message, StringComparison.Ordinal);
        Assert.Equal(RequiredTopics.Ids.Count - 1, catalog.Topics.Count);
    }

    [Fact]
    public void Shipped_content_is_copied_next_to_the_assembly()
    {
        Assert.True(File.Exists(Path.Combine(TopicCatalog.DefaultDirectory, "intents.yaml")));
        Assert.NotEmpty(TopicCatalog.LoadDefault().Topics);
    }
}
