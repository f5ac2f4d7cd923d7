using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

public sealed class KnowledgeEngineTests : IDisposable
{
    private readonly ContentFixture fixture = new();
    private readonly KnowledgeEngine engine;

    public KnowledgeEngineTests() => engine = new KnowledgeEngine(fixture.Load());

    [Theory]
    [InlineData("how can I open an account in a bank", "bank-account")]
    [InlineData("kje lahko odprem racun v banki", "bank-account")]
    [InlineData("كيف افتح حساب في البنك", "bank-account")]
    [InlineData("Како да отворим рачун у банци", "bank-account")]
    [InlineData("zdravnika potrebujem za otroka", "doctor")]
    public void Finds_the_topic_in_every_language_and_script(string question, string topic)
    {
        var result = engine.Ask(question);
        Assert.Equal(topic, result.Topic);
        Assert.Equal(topic, result.Candidates[0].Topic);
        Assert.NotEqual(Decision.None, result.Decision);
    }

    [Fact]
    public void Typos_and_inflection_still_find_the_topic()
    {
        Assert.Equal("doctor", engine.Ask("i ned a docter for my childs").Topic);
        Assert.Equal("bank-account", engine.Ask("bancnega racuna odpreti").Topic);
    }

    [Fact]
    public void A_question_in_another_language_than_the_conversation_still_finds_the_topic()
    {
        var result = engine.Ask("bank account", forcedLanguage: "sl");
        Assert.Equal("bank-account", result.Topic);
        Assert.Equal("sl", result.Language);
        Assert.Equal(1.0, result.LanguageConfidence);
    }

    [Fact]
    public void Candidates_are_at_most_five_best_first()
    {
        var result = engine.Ask("bank account documents doctor");
        Assert.InRange(result.Candidates.Count, 1, 5);
        Assert.Equal(result.Candidates.OrderByDescending(c => c.Score).Select(c => c.Topic), result.Candidates.Select(c => c.Topic));
        Assert.Equal(result.Candidates[0].Score, result.Score);
    }

    [Theory]
    [InlineData("I want to talk to a real person")]
    [InlineData("rad bi govoril s svetovalko")]
    [InlineData("trebam savjetnika za bankovni racun")]
    [InlineData("Треба ми саветник")]
    [InlineData("أريد التحدث مع موظف")]
    public void Request_for_a_human_is_a_handoff_even_next_to_a_topic(string text) =>
        Assert.Equal(Decision.Handoff, engine.Ask(text).Decision);

    [Theory]
    [InlineData("my husband is hitting me, I want to talk to a counselor")]
    [InlineData("mož me tepe")]
    [InlineData("муж ме туче")]
    [InlineData("zoti me rreh")]
    [InlineData("زوجي يضربني")]
    public void Danger_is_an_emergency_and_wins_over_handoff(string text)
    {
        var result = engine.Ask(text);
        Assert.Equal(Decision.Emergency, result.Decision);
        Assert.Equal("emergency-numbers", result.Topic);
    }

    [Fact]
    public void Unrelated_question_gets_none() =>
        Assert.Equal(Decision.None, engine.Ask("what is the capital of Peru and who won the football cup").Decision);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀🙏❤️")]
    [InlineData("\u0000\u0001\u0002\uFFFD\uD800")]
    public void Bad_input_gives_none_without_throwing(string text)
    {
        var result = engine.Ask(text);
        Assert.Equal(Decision.None, result.Decision);
        Assert.Null(result.Topic);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void A_100_kilobyte_message_is_answered_quickly_without_throwing()
    {
        var huge = string.Concat(Enumerable.Repeat("bank account ", 8000));
        var started = DateTime.UtcNow;
        var result = engine.Ask(huge);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1));
        Assert.Equal(huge, result.Text);
    }

    [Fact]
    public void Binary_garbage_never_throws()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 300)).Select(_ => (char)random.Next(0, 0xFFFF)).ToArray();
            var result = engine.Ask(new string(chars));
            Assert.InRange(result.LanguageConfidence, 0, 1);
        }
    }

    [Fact]
    public void Unsure_identification_keeps_the_conversation_language()
    {
        var result = engine.Ask("ok", conversationLanguage: "sq");
        Assert.Equal("sq", result.Language);
    }

    [Fact]
    public void Digits_only_keep_the_conversation_language_with_zero_confidence()
    {
        var result = engine.Ask("112", conversationLanguage: "ar");
        Assert.Equal(("ar", 0.0), (result.Language, result.LanguageConfidence));
        Assert.Equal("en", engine.Ask("112").Language);
    }

    public void Dispose() => fixture.Dispose();
}
