using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A short message that plainly asks for a language ("english please", "shqip ju lutem", "на српском молим") switches
/// the conversation as the language buttons do; a question that only mentions a language still goes to its topic.
/// </summary>
public sealed class LanguageRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task English_please_in_a_Slovenian_conversation_switches_to_English_and_says_so_in_English()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("english please")
            .AssertReply("I will write to you in English.", Said.EnglishMenu)
            .AssertNoReply()
            .Send("how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Po_slovensko_in_an_English_conversation_switches_to_Slovenian()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("po slovensko")
            .AssertReply("Pisal vam bom v slovenščini.", Said.SlovenianMenu)
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Asking_for_Serbian_in_Cyrillic_answers_in_Cyrillic_and_in_Latin_answers_in_Latin()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("на српском молим")
            .AssertReplyContains("Писаћу вам на босанском/хрватском/српском.")
            .AssertNoReply()
            .Send("hrvatski molim")
            .AssertReplyContains("Pisaću vam na bosanskom/hrvatskom/srpskom.")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Asking_for_Albanian_as_the_first_message_shows_the_privacy_notice_in_Albanian()
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();

        await bot.Flow()
            .Send("shqip ju lutem")
            .AssertReplyContains("Para se të fillojmë")
            .Send("Pranoj")
            .AssertReply("Faleminderit. Më pyesni çfarëdo, ose zgjidhni një temë.")
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("english please", "en", false)]
    [InlineData("in English please", "en", false)]
    [InlineData("speak English", "en", false)]
    [InlineData("Can you speak english?", "en", false)]
    [InlineData("English pls!", "en", false)]
    [InlineData("angleško prosim", "en", false)]
    [InlineData("anglesko prosim", "en", false)]
    [InlineData("na engleskom", "en", false)]
    [InlineData("بالانجليزي من فضلك", "en", false)]
    [InlineData("arabic please", "ar", false)]
    [InlineData("بالعربي", "ar", false)]
    [InlineData("باللغة العربية من فضلك", "ar", false)]
    [InlineData("arapski molim", "ar", false)]
    [InlineData("shqip ju lutem", "sq", false)]
    [InlineData("në shqip", "sq", false)]
    [InlineData("ne shqip te lutem", "sq", false)]
    [InlineData("albanian please", "sq", false)]
    [InlineData("po slovensko", "sl", false)]
    [InlineData("slovensko prosim", "sl", false)]
    [InlineData("in slovenian please", "sl", false)]
    [InlineData("na slovenskom", "sl", false)]
    [InlineData("na bosanskom", "hbs", false)]
    [InlineData("srpski molim", "hbs", false)]
    [InlineData("на српском молим", "hbs", true)]
    [InlineData("српски молим", "hbs", true)]
    [InlineData("bosnian please", "hbs", false)]
    public void A_plain_request_for_a_language_is_read_as_one(string text, string language, bool cyrillic)
    {
        var requests = new LanguageRequestReader(Localizer.LoadEmbedded());

        Assert.Equal(new LanguageRequest(language, cyrillic), requests.Read(text));
    }

    [Theory]
    [InlineData("where can I learn Slovenian")]
    [InlineData("Slovenian course")]
    [InlineData("slovenian")]
    [InlineData("English")]
    [InlineData("slovenski jezik")]
    [InlineData("tečaj slovenščine prosim")]
    [InlineData("i need an interpreter for arabic")]
    [InlineData("english or arabic please")]
    [InlineData("please help")]
    [InlineData("do you have the form in english and arabic")]
    [InlineData("ku mund te mesoj sllovenisht")]
    [InlineData("gdje mogu uciti slovenski")]
    [InlineData("أين أتعلم اللغة السلوفينية")]
    public void A_question_that_mentions_a_language_is_not_a_request_for_it(string text)
    {
        var requests = new LanguageRequestReader(Localizer.LoadEmbedded());

        Assert.Null(requests.Read(text));
    }

    [Fact]
    public void No_sample_question_of_the_knowledge_base_is_read_as_a_request_for_a_language()
    {
        var requests = new LanguageRequestReader(Localizer.LoadEmbedded());
        var catalog = Knowledge.Content.TopicCatalog.LoadDefault();

        var read = catalog.Topics
            .SelectMany(t => t.Questions.SelectMany(q => q.Value).Select(question => (t.Id, question)))
            .Where(q => requests.Read(q.question) is not null)
            .Select(q => $"{q.Id}: {q.question}")
            .ToList();

        Assert.True(read.Count == 0, string.Join("; ", read));
    }

    [Fact]
    public async Task Where_can_I_learn_Slovenian_still_answers_with_the_course_topic()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("where can I learn Slovenian")
            .AssertAnswer(bot.AnswerOf("slovenian-course", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
    }
}
