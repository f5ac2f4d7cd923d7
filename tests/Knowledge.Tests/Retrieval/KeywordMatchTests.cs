using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// The exact-keyword bonus for short questions: a curated keyword typed alone wins over a topic whose sample
/// questions merely share character n-grams with it ("preschool" is not "school"); a keyword of two or three words
/// also counts in a short sentence ("where is the health centre") that names no other topic's keyword.
/// </summary>
public sealed class KeywordMatchTests
{
    private static readonly TopicCatalog Catalog = new(
    [
        Topic("school", keywords: ["school", "primary school", "pupil"],
            "how do I enrol my child in school", "school enrolment", "which school near us", "school books",
            "school lunch", "when does school start", "school for my son", "school registration"),
        Topic("kindergarten", keywords: ["kindergarten", "preschool", "daycare", "monthly fees"],
            "kindergarten", "where can my toddler stay during the day", "daycare fees", "nursery for a baby",
            "how much does kindergarten cost", "reduced fee kindergarten", "is kindergarten compulsory", "toddler care"),
        Topic("bank", keywords: ["bank", "account", "monthly fees"],
            "how do I open a bank account", "bank account", "iban for my salary", "debit card",
            "which documents does the bank need", "bank branch", "current account", "account for wages"),
    ], IntentCues.Empty);

    [Fact]
    public void A_keyword_typed_alone_beats_a_topic_that_only_shares_letters_with_it()
    {
        var withBonus = new KnowledgeEngine(Catalog);
        var without = new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 });

        Assert.Equal("school", without.Ask("preschool", forcedLanguage: "en").Topic);
        Assert.Equal("kindergarten", withBonus.Ask("preschool", forcedLanguage: "en").Topic);
    }

    [Fact]
    public void Longer_questions_get_no_keyword_bonus()
    {
        var withBonus = new KnowledgeEngine(Catalog);
        var without = new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 });
        const string question = "is there a preschool for my daughter";

        Assert.Equal(without.Ask(question, forcedLanguage: "en").Candidates, withBonus.Ask(question, forcedLanguage: "en").Candidates);
    }

    [Fact]
    public void A_keyword_of_two_words_counts_in_a_short_sentence()
    {
        var plain = Scores(new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 }), "when does primary school start");
        var boosted = Scores(new KnowledgeEngine(Catalog), "when does primary school start");

        // Four words, not five: "does" is in the questions of two of the three topics, a filler here.
        Assert.Equal(0.1 * 2 / 4, boosted["school"] - plain["school"], precision: 3);
    }

    [Theory]
    [InlineData("is there preschool nearby")]
    [InlineData("primary school savings accounts")]
    [InlineData("when does the new primary school year start")]
    public void A_sentence_gets_no_bonus_for_a_one_word_keyword_nor_when_it_names_another_topic_or_is_long(string question)
    {
        var withBonus = new KnowledgeEngine(Catalog);
        var without = new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 });

        Assert.Equal(without.Ask(question, forcedLanguage: "en").Candidates, withBonus.Ask(question, forcedLanguage: "en").Candidates);
    }

    // Words most topics use ("where", "is", "kje", "وين") say nothing about which topic a question is about, so they do not
    // make it longer: "where is the school" is as short as "school", and "where is the health centre" is all "health centre".
    [Fact]
    public void Words_most_topics_use_do_not_count_as_words_of_the_question()
    {
        var catalog = new TopicCatalog(
        [
            Topic("school", keywords: ["school"], "where do i enrol my son", "is the school free", "where are the school books"),
            Topic("bank", keywords: ["bank"], "where is the bank", "is the bank open", "where do i get an iban"),
            Topic("doctor", keywords: ["health centre"], "where is the doctor", "is the health centre open", "where do i get a doctor"),
        ], IntentCues.Empty);
        var plain = new KnowledgeEngine(catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 });
        var boosted = new KnowledgeEngine(catalog, new KnowledgeEngineOptions { SingleWordKeywordFactor = 1 });

        Assert.Equal(0.1, Scores(boosted, "where is the school")["school"] - Scores(plain, "where is the school")["school"], precision: 3);
        Assert.Equal(0.1, Scores(boosted, "where is the health centre")["doctor"] - Scores(plain, "where is the health centre")["doctor"], precision: 3);
    }

    // A question of one word (fillers aside) that is a keyword gets half as much again: nothing else in it says which topic it
    // means. "work", finding a job's keyword, asked "Did you mean…" with the work permit, whose many samples say "work".
    [Fact]
    public void A_question_of_one_word_that_is_a_keyword_gets_half_as_much_again()
    {
        var plain = Scores(new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 }), "preschool");
        var boosted = Scores(new KnowledgeEngine(Catalog), "preschool");

        Assert.Equal(0.15, boosted["kindergarten"] - plain["kindergarten"], precision: 3);
    }

    // "your phone number" is the office's keyword and holds "phone number", the SIM card topic's: the longer keyword decides.
    // Both earned the whole bonus before, and the SIM card answer went to a person asking for the office's number.
    [Fact]
    public void A_keyword_inside_a_longer_keyword_of_the_question_earns_nothing()
    {
        var catalog = new TopicCatalog(
        [
            Topic("phone", keywords: ["phone number", "sim card"], "how do i get a phone number", "prepaid card", "which operator"),
            Topic("office", keywords: ["your phone number", "opening hours"], "where is your office", "when are you open", "can i call"),
        ], IntentCues.Empty);
        var plain = Scores(new KnowledgeEngine(catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 }), "your phone number");
        var boosted = Scores(new KnowledgeEngine(catalog), "your phone number");

        Assert.Equal(0.1, boosted["office"] - plain["office"], precision: 3);
        Assert.Equal(plain["phone"], boosted["phone"], precision: 4);
    }

    private static Dictionary<string, double> Scores(KnowledgeEngine engine, string question) =>
        engine.Ask(question, forcedLanguage: "en").Candidates.ToDictionary(c => c.Topic, c => c.Score);

    [Fact]
    public void A_keyword_shared_by_two_topics_counts_half_for_each()
    {
        var engine = new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0.2 });
        var without = new KnowledgeEngine(Catalog, new KnowledgeEngineOptions { KeywordMatchBonus = 0 });
        var plain = without.Ask("monthly fees", forcedLanguage: "en").Candidates.ToDictionary(c => c.Topic, c => c.Score);
        var boosted = engine.Ask("monthly fees", forcedLanguage: "en").Candidates.ToDictionary(c => c.Topic, c => c.Score);

        Assert.Equal(0.1, boosted["bank"] - plain.GetValueOrDefault("bank"), precision: 3);
        Assert.Equal(0.1, boosted["kindergarten"] - plain.GetValueOrDefault("kindergarten"), precision: 3);
        Assert.Equal(plain.GetValueOrDefault("school"), boosted.GetValueOrDefault("school"), precision: 4);
    }

    private static Topic Topic(string id, IReadOnlyList<string> keywords, params string[] questions) => new(
        id, "family", [], [], new DateOnly(2026, 1, 1), ["https://example.org"],
        new Dictionary<string, string> { ["en"] = id },
        new Dictionary<string, string> { ["en"] = "Answer about " + id + "." },
        new Dictionary<string, string>(),
        new Dictionary<string, IReadOnlyList<string>> { ["en"] = questions },
        new Dictionary<string, IReadOnlyList<string>> { ["en"] = keywords },
        id + ".yaml");
}
