using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Validation;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Knowledge.Tests.Validation;

public sealed class KnowledgeValidatorTests : IDisposable
{
    private readonly ContentFixture fixture = new();
    private readonly KnowledgeValidator validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

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
        var longAnswer = new string('a', 601);
        fixture.Rewrite("asylum", yaml => yaml.Replace("Answer about asylum in ar. Ask {office.name}.", longAnswer, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("asylum", "ar", "answer"), (problem.Topic, problem.Language, problem.Field));
        Assert.Contains("601", problem.Message, StringComparison.Ordinal);
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
            .Replace("  sq: {on: 2026-11-01", "  sq: {on: 2026-11-24", StringComparison.Ordinal)
            .Replace("category: documents", "category: pets", StringComparison.Ordinal));
        var fields = validator.Validate(fixture.Load()).Select(p => (p.Topic, p.Field)).ToList();
        Assert.Equal([("kindergarten", "category"), ("kindergarten", "sources"), ("kindergarten", "reviewed")], fields);
    }

    [Fact]
    public void Missing_review_date_is_reported()
    {
        fixture.Rewrite("legal-aid", yaml => yaml.Replace("  ar: {on: 2026-11-01, by: Test Reviewer}\n", string.Empty, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("legal-aid", "ar", "reviewed"), (problem.Topic, problem.Language, problem.Field));
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

    [Fact]
    public void A_single_review_date_for_all_languages_is_reported()
    {
        fixture.Rewrite("legal-aid", yaml => System.Text.RegularExpressions.Regex.Replace(yaml, @"reviewed:\n(  \w+: \{[^\n]*\}\n)+", "reviewed: 2026-11-01\n"));
        var problems = validator.Validate(fixture.Load());
        Assert.Contains(problems, p => p.Topic == "legal-aid" && p.Field == "reviewed" && p.Message.Contains("per language", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("legal-aid", "  hbs: {on: 2026-11-01, by: Test Reviewer}", "  hbs: {on: 2026-11-01}", "hbs", "reviewed", "'by'")]
    [InlineData("doctor", "Answer about doctor in en. Ask {office.name}.", "A new card costs €3.51.", "en", "answer", "without a source")]
    [InlineData("doctor", "Answer about doctor in en. Ask {office.name}.", "Call 01 30 77 605. [2]", "en", "answer", "not among")]
    public void A_review_without_reviewer_or_a_fact_line_without_its_source_is_reported(
        string topic, string find, string replace, string language, string field, string message)
    {
        fixture.Rewrite(topic, yaml => yaml.Replace(find, replace, StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal((topic, language, field), (problem.Topic, problem.Language, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cited_fact_lines_list_numbers_and_placeholders_pass()
    {
        fixture.Rewrite("doctor", yaml => yaml.Replace("Answer about doctor in en. Ask {office.name}.",
            "1. A new card costs €3.51. [1]\\n2. Bring your passport.\\nPhone: {office.phone}", StringComparison.Ordinal));
        Assert.Empty(validator.Validate(fixture.Load()));
    }

    [Fact]
    public void Plain_http_source_is_reported()
    {
        fixture.Rewrite("doctor", yaml => yaml.Replace("  - https://www.gov.si/en/", "  - http://www.gov.si/en/", StringComparison.Ordinal));
        var problem = Assert.Single(validator.Validate(fixture.Load()));
        Assert.Equal(("doctor", "sources"), (problem.Topic, problem.Field));
    }

    [Fact]
    public void Reviews_older_than_180_days_are_warnings_not_errors()
    {
        fixture.Rewrite("doctor", yaml => yaml.Replace("  sq: {on: 2026-11-01", "  sq: {on: 2026-01-15", StringComparison.Ordinal));
        var catalog = fixture.Load();
        Assert.Empty(validator.Validate(catalog));

        // Fixed "today" 2026-11-23: 2026-11-01 is 312 days ago, 2026-11-01 only 22.
        var stale = validator.StaleReviews(catalog);
        Assert.Contains(stale, p => p.Topic == "doctor" && p.Language == "sq" && p.Message.Contains("312 days", StringComparison.Ordinal));
        Assert.DoesNotContain(stale, p => p.Topic == "doctor" && p.Language == "ar");
        Assert.Equal(KnowledgeValidator.StaleAfterDays, 180);
    }

    [Fact]
    public void Directory_placeholder_naming_an_unknown_entry_or_field_is_reported()
    {
        File.WriteAllText(Path.Combine(fixture.Directory, "directory.yaml"), DirectoryYaml);
        fixture.Rewrite("doctor", yaml => yaml.Replace("Answer about doctor in en. Ask {office.name}.", "{dir.ue-postojna.adress}\\n{dir.ue-postojnaa.address}", StringComparison.Ordinal));
        var problems = validator.Validate(fixture.Load());
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(("doctor", "en", "answer"), (p.Topic, p.Language, p.Field)));
    }

    [Fact]
    public void Directory_entry_without_source_or_names_is_reported()
    {
        File.WriteAllText(Path.Combine(fixture.Directory, "directory.yaml"), DirectoryYaml.Replace("  source: https://www.gov.si/\n", string.Empty, StringComparison.Ordinal)
            .Replace("    ar: UE Postojna\n", string.Empty, StringComparison.Ordinal));
        var problems = validator.Validate(fixture.Load()).Select(p => (p.File, p.Topic, p.Language, p.Field)).ToList();
        Assert.Equal([("directory.yaml", "ue-postojna", null, "source"), ("directory.yaml", "ue-postojna", "ar", "names")], problems);
    }

    [Fact]
    public void Directory_field_far_longer_than_any_address_or_name_is_reported()
    {
        // A paste gone wrong in the console (5 MB into "address") was published live, into every answer naming the entry.
        var pasted = new string('A', KnowledgeValidator.MaxDirectoryFieldLength + 1);
        File.WriteAllText(Path.Combine(fixture.Directory, "directory.yaml"), DirectoryYaml
            .Replace("  address: Somewhere 1\n", $"  address: {pasted}\n", StringComparison.Ordinal)
            .Replace("    en: UE Postojna\n", $"    en: {pasted}\n", StringComparison.Ordinal));

        var problems = validator.Validate(fixture.Load()).Select(p => (p.Topic, p.Language, p.Field, p.Message)).ToList();

        var tooLong = $"{pasted.Length} characters, at most {KnowledgeValidator.MaxDirectoryFieldLength}";
        Assert.Equal([("ue-postojna", null, "address", tooLong), ("ue-postojna", "en", "names", tooLong)], problems);
    }

    // A word asked back must offer topics that exist, in every language, and only as the whole message: as a phrase cue
    // "dovoljenje" would have taken "kako podaljšam dovoljenje" away from its answer.
    [Fact]
    public void Ask_back_section_with_an_unknown_topic_a_missing_language_or_a_phrase_cue_is_reported()
    {
        File.AppendAllText(Path.Combine(fixture.Directory, "intents.yaml"), """

            ask-back-permit:
              topics: [housing, work-permits]
              en: [= permit, permit]
              sl: [= dovoljenje]
              hbs: [= dozvola]
              sq: [= leja]

            """);

        var problems = validator.Validate(fixture.Load()).Select(p => (p.Language, p.Field, p.Message)).ToList();

        Assert.Equal(
            [
                (null, "ask-back-permit", "unknown topic 'work-permits'"),
                ("ar", "ask-back-permit", "no cue phrases"),
                ("en", "ask-back-permit", "'permit' must be a whole-message cue ('= permit')"),
            ],
            problems);
    }

    private const string DirectoryYaml = """
        - id: ue-postojna
          confirmed: false
          names:
            sl: Upravna enota Postojna
            en: UE Postojna
            sq: UE Postojna
            hbs: UE Postojna
            ar: UE Postojna
          address: Somewhere 1
          source: https://www.gov.si/

        """;
}
