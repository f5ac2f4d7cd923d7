using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Validation;

namespace IntegrationBot.Knowledge.Tests.Validation;

public sealed class KnowledgeValidatorTests : IDisposable
{
    private readonly ContentFixture fixture = new();
    private readonly KnowledgeValidator validator = new(new FixedTime(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Complete_content_has_no_problems() => Assert.Empty(validator.Validate(fixture.Load()));

    [Fact]
    public void Shipped_content_passes()
    {
        var problems = new KnowledgeValidator(TimeProvider.System).Validate(TopicCatalog.LoadDefault());
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Missing_required_topic_is_reported()
    {
        File.Delete(Path.Combine(fixture.TopicsDirectory, "housing.yaml"));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(new ContentProblem("topics/housing.yaml", "housing", null, null, "required topic is missing"), problem);
    }

    [Fact]
    public void Missing_translation_names_file_topic_language_and_field()
    {
        fixture.Rewrite("doctor", yaml => yaml.Replace("  sq: \"doctor sq\"\n", string.Empty, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal("topics/doctor.yaml: topic=doctor lang=sq field=title: missing", problem.ToString());
    }

    [Fact]
    public void Too_long_answer_is_reported()
    {
        var longAnswer = new string('a', 901);
        fixture.Rewrite("asylum", yaml => yaml.Replace("Answer about asylum in ar. Ask {office.name}.", longAnswer, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("asylum", "ar", "answer"), (problem.Topic, problem.Language, problem.Field));
        Assert.Contains("901", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_eight_questions_in_a_language_is_reported()
    {
        fixture.Rewrite("housing", yaml => yaml.Replace("    - \"housing en question number 8\"\n", string.Empty, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("housing", "en", "questions"), (problem.Topic, problem.Language, problem.Field));
    }

    [Fact]
    public void Unknown_related_id_is_reported()
    {
        fixture.Rewrite("bank-account", yaml => yaml.Replace("related: [tax-number]", "related: [tax-numbr]", StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("bank-account", "related"), (problem.Topic, problem.Field));
        Assert.Contains("tax-numbr", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_question_shared_by_two_topics_after_folding_is_reported()
    {
        fixture.Rewrite("tax-number", yaml => yaml.Replace("tax number en question number 1", "BANK account!", StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal("questions", problem.Field);
        Assert.Contains("bank-account", problem.Message + problem.Topic, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_sources_future_review_date_and_bad_category_are_reported()
    {
        fixture.Rewrite("kindergarten", yaml => yaml
            .Replace("sources:\n  - https://www.gov.si/en/\n", "sources: []\n", StringComparison.Ordinal)
            .Replace("reviewed: 2026-01-15", "reviewed: 2026-11-24", StringComparison.Ordinal)
            .Replace("category: documents", "category: pets", StringComparison.Ordinal));
        var fields = validator.Validate(fixture.Load()).Select(p => (p.Topic, p.Field)).ToList();
        Assert.Equal([("kindergarten", "category"), ("kindergarten", "sources"), ("kindergarten", "reviewed")], fields);
    }

    [Fact]
    public void Missing_review_date_is_reported()
    {
        fixture.Rewrite("legal-aid", yaml => yaml.Replace("reviewed: 2026-01-15\n", string.Empty, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("legal-aid", "reviewed"), (problem.Topic, problem.Field));
    }

    [Fact]
    public void Id_that_differs_from_the_file_name_is_reported()
    {
        fixture.Rewrite("housing", yaml => yaml.Replace("id: housing", "id: hausing", StringComparison.Ordinal));
        var problems = validator.Validate(fixture.Load());
        Assert.Contains(problems, p => p.Field == "id" && p.File == "topics/housing.yaml");
        Assert.Contains(problems, p => p.Message == "required topic is missing" && p.Topic == "housing");
    }

    public void Dispose() => fixture.Dispose();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
