using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Three or more questions in one message: the first answered, each other one named under it and offered as a
/// button, in the order written (before, only the second was offered and the third went unanswered).</summary>
public sealed class SeveralQuestionsTests
{
    [Fact]
    public async Task Three_questions_answer_the_first_and_offer_the_other_two_in_the_order_written()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("Kako odprem bančni račun, kje dobim SIM kartico in kako se vpišem na tečaj slovenščine?")
            .AssertAnswerOffering(
                bot.AnswerOf("bank-account", new Voice(Language.Slovenian)),
                "Vprašali ste tudi o temah:\n• Telefon in SIM kartica\n• Tečaj slovenščine\nTapnite gumb spodaj.\nVam je bilo to v pomoč?",
                "Telefon in SIM kartica",
                "Tečaj slovenščine")
            .Send("Tečaj slovenščine")
            .AssertTurnContains("tečaj")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Three_things_asked_for_in_one_sentence_answer_the_first_and_offer_the_others()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("I need a doctor, a school for my son and a flat")
            .AssertAnswerOffering(
                bot.AnswerOf("doctor", new Voice(Language.English)),
                "You also asked about:\n• School enrolment\n• Housing\nTap a button below.\nWas this helpful?",
                "School enrolment",
                "Housing")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(Language.Slovenian, "kako odprem bancni racun, kje dobim sim kartico in kako se vpisem na tecaj slovenscine", "bank-account", "phone-number", "slovenian-course")]
    [InlineData(Language.Slovenian, "Potrebujem zdravnika, vrtec in stanovanje", "doctor", "kindergarten", "housing")]
    [InlineData(Language.Slovenian, "Potrebujem zdravnika, šolo in stanovanje", "doctor", "school-enrolment", "housing")]
    [InlineData(Language.Bcs, "Trebam doktora, školu i stan", "doctor", "school-enrolment", "housing")]
    [InlineData(Language.English, "How do I open a bank account, where do I get a SIM card and how do I register my address?", "bank-account", "phone-number", "address-registration")]
    [InlineData(Language.Bcs, "Kako da otvorim bankovni račun, gdje kupiti SIM karticu i kako da prijavim adresu?", "bank-account", "phone-number", "address-registration")]
    [InlineData(Language.Bcs, "Како да отворим банковни рачун, гдје купити SIM картицу и како да пријавим адресу?", "bank-account", "phone-number", "address-registration")]
    [InlineData(Language.Albanian, "Si të hap një llogari bankare, ku të marr një kartë SIM dhe si ta regjistroj adresën?", "bank-account", "phone-number", "address-registration")]
    [InlineData(Language.Arabic, "كيف أفتح حساب بنكي؟ أين أحصل على شريحة هاتف؟ وكيف أسجل عنواني؟", "bank-account", "phone-number", "address-registration")]
    public async Task Every_other_question_is_named_and_offered(string language, string message, string answered, string second, string third)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        var voice = new Voice(language, message.Any(c => c is >= '\u0400' and <= '\u04FF'));
        string[] titles = [bot.Catalog.Find(second)!.TitleIn(language), bot.Catalog.Find(third)!.TitleIn(language)];
        var lines = string.Join("\n", titles.Select(t => bot.Localizer.Get(language, "answer.alsoAskedItem", new Dictionary<string, string> { ["topic"] = t })));
        Assert.StartsWith(FlowHarness.UpToDirectory(bot.AnswerOf(answered, voice)), FlowHarness.AnswerText(replies), StringComparison.Ordinal);
        Assert.StartsWith(Localizer.Render(voice, bot.Localizer.Get(language, "answer.alsoAskedMany", new Dictionary<string, string> { ["topics"] = lines })), replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal([.. titles.Select(t => Localizer.RenderTitle(voice, t))], replies.LastButtons().Take(2));
    }

    [Fact]
    public async Task No_more_than_three_other_questions_are_offered()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync(
            "How do I open a bank account, where do I get a SIM card, how do I register my address, where is the health centre and how do I get a tax number?");

        Assert.Equal(bot.AnswerOf("bank-account", new Voice(Language.English)), FlowHarness.AnswerText(replies));
        Assert.StartsWith("You also asked about:\n• Phone and SIM card\n• Address registration\n• Doctor\nTap a button below.", replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["Phone and SIM card", "Address registration", "Doctor"], replies.LastButtons().Take(3));
        Assert.DoesNotContain("Tax number", replies[^1].Text, StringComparison.Ordinal);
    }
}
