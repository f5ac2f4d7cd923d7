using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Two questions in one message: the answer to one, and the other named under it as the first button.</summary>
public sealed class TwoQuestionsTests
{
    [Theory]
    [InlineData(Language.Slovenian, "Kako odprem bančni račun in kje dobim SIM kartico?", "bank-account", "phone-number")]
    [InlineData(Language.Slovenian, "kako odprem bancni racun in kje dobim sim kartico", "bank-account", "phone-number")]
    [InlineData(Language.English, "how do i get health insurance? and where is the doctor", "health-insurance", "doctor")]
    [InlineData(Language.Arabic, "كيف أفتح حساب بنكي و أين أحصل على شريحة هاتف؟", "bank-account", "phone-number")]
    [InlineData(Language.Bcs, "Kako otvoriti bankovni račun i gdje kupiti SIM karticu?", "bank-account", "phone-number")]
    [InlineData(Language.Albanian, "Si të hap një llogari bankare dhe ku të marr një kartë SIM?", "bank-account", "phone-number")]
    [InlineData(Language.Arabic, "كيف أفتح حسابا بنكيا؟ وأين أشتري شريحة هاتف؟", "bank-account", "phone-number")]
    public async Task The_second_question_is_offered_under_the_answer_to_the_first(string language, string message, string answered, string offered)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        var voice = new Voice(language);
        var title = bot.Catalog.Find(offered)!.TitleIn(language);
        Assert.Equal(bot.AnswerOf(answered, voice), FlowHarness.AnswerText(replies));
        Assert.StartsWith(bot.Localizer.Say(voice, "answer.alsoAsked", new Dictionary<string, string> { ["topic"] = title }), replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(title, replies.LastButtons()[0]);

        // Tapped, the second answer follows (AnswerOf leaves the directory's {dir.*} lines unfilled: compare the start).
        var second = FlowHarness.AnswerText(await bot.SendAsync(title));
        var expected = bot.AnswerOf(offered, voice);
        Assert.StartsWith(expected[..Math.Min(expected.Length, expected.IndexOf("{dir.", StringComparison.Ordinal) is var d and >= 0 ? d : expected.Length)], second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_clear_questions_read_as_one_unclear_one_answer_the_first_and_offer_the_second()
    {
        // As one question the engine could not choose between the two topics and asked "Did you mean…?".
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync("How do I register my address and where is the health centre?");

        Assert.Equal(bot.AnswerOf("address-registration", new Voice(Language.English)), FlowHarness.AnswerText(replies));
        Assert.Equal(bot.Catalog.Find("doctor")!.TitleIn(Language.English), replies.LastButtons()[0]);
    }

    [Theory]
    [InlineData(Language.English, "How do I open a bank account in Postojna?")]
    [InlineData(Language.Slovenian, "Kje je zdravstveni dom in kdaj je odprt?")]
    [InlineData(Language.English, "Where can I find a doctor for me and my children?")]
    [InlineData(Language.English, "My wife and kids need a doctor")]
    [InlineData(Language.English, "My wife and I want to learn Slovenian")]
    [InlineData(Language.English, "I have a residence permit and want to bring my family")]
    [InlineData(Language.Slovenian, "Imam dovoljenje za prebivanje in bi rad pripeljal družino")]
    [InlineData(Language.Albanian, "Ku mund të gjej një mjek për mua dhe fëmijët e mi?")]
    public async Task One_question_gets_no_second_offer(string language, string message)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        var alsoAsked = bot.Localizer.Get(language, "answer.alsoAsked").Split('{')[0];
        Assert.DoesNotContain(replies, r => r.Text?.Contains(alsoAsked, StringComparison.Ordinal) == true);
    }
}
