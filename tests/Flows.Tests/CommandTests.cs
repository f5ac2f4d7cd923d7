using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

public sealed class CommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/help")]
    [InlineData("/whatever")]
    [InlineData("pomoč")]
    public async Task Help_and_unknown_commands_show_the_help_with_command_buttons(string text)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send(text)
            .AssertReply(
                "Odgovarjam na vprašanja o dokumentih, zdravju, delu, šoli, tečajih jezika, denarju, bivanju in varnosti v Postojni. Preprosto napišite vprašanje.\n"
                + "Ukazi:\n/menu – teme\n/language – zamenjava jezika\n/counselor – pogovor z osebo\n/privacy – zasebnost\n/delete – izbris podatkov\n/help – pomoč\n/plan – moji prvi koraki\n/stop – ustavi opomnike",
                "Nazaj na meni", "🌐 Zamenjaj jezik", "Pogovor s svetovalcem", "Zasebnost", "Izbriši moje podatke")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("/menu")]
    [InlineData("meni")]
    [InlineData("Nazaj na meni")]
    public async Task Menu_by_command_word_or_button(string text)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("/help").IgnoreReplies()
            .Send(text)
            .AssertReply("Izberite področje:", Said.SlovenianMenu)
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Language_command_shows_the_languages_and_a_new_choice_keeps_the_privacy_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("/language")
            .AssertReply(Said.ChooseYourLanguage, Said.Languages)
            .AssertNoReply()
            .Send("العربية")
            .AssertReply("\u200Fسأكتب لك باللغة العربية.")
            .AssertNoReply()
            .Send("/privacy")
            .AssertReply(
                "\u200Fقبل أن نبدأ: أحتفظ برسائلك وباللغة التي اخترتها لمدة \u206690\u2069 يومًا لكي أساعدك، ولكي يرى المستشار المحادثة إذا طلبت ذلك. لا يراها إلا مستشارو مكتب نقطة البداية، وفقط عندما تطلب التحدث إلى مستشار. يمكنك حذف كل شيء في أي وقت بكتابة \u2066/delete\u2069.",
                "أوافق", "اقرأ المزيد", "لا أوافق")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Retention_days_come_from_configuration()
    {
        await using var bot = FlowHarness.Create(settings: new Dictionary<string, string?> { ["IntegrationBot:Privacy:RetentionDays"] = "30" });

        await bot.Flow()
            .Open().IgnoreReplies()
            .Send("English")
            .AssertReplyContains("I keep your messages and your language choice for 30 days")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_cyrillic_switch_question_keeps_the_current_language_name_in_latin()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        // Before: "Не, остани на: Енглисх".
        await bot.Flow()
            .Send("Како да отворим рачун у банци у Постојни?")
            .AssertReply(
                "Писали сте на језику: Босански / Хрватски / Српски. Да наставим на том језику (Босански / Хрватски / Српски)?",
                "Да, промијени", "Не, остани на: English")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task No_voice_ever_sees_a_latin_name_mark()
    {
        await using var bot = FlowHarness.Create();
        foreach (var topic in bot.Catalog.Topics)
        {
            foreach (var voice in new IntegrationBot.Flows.Localization.Voice[] { new("sl"), new("en"), new("sq"), new("hbs"), new("hbs", Cyrillic: true), new("ar") })
            {
                var text = IntegrationBot.Flows.Localization.Localizer.Render(voice, topic.AnswerIn(voice.Language) + topic.DetailsIn(voice.Language));
                Assert.DoesNotContain("[[", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Writing_confidently_in_another_language_asks_once_whether_to_switch()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("how do I open a bank account in Postojna")
            .AssertReply("You wrote in English. Shall I continue in English?", "Yes, switch", "No, keep Slovenščina")
            .AssertNoReply()
            .Send("Yes, switch")
            .AssertReply("I will write to you in English.")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Declining_a_switch_answers_in_the_current_language_and_does_not_ask_again()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        var slovenianAnswer = bot.AnswerOf("bank-account", new("sl"));

        await bot.Flow()
            .Send("how do I open a bank account in Postojna")
            .AssertReply("You wrote in English. Shall I continue in English?", "Yes, switch", "No, keep Slovenščina")
            .Send("No, keep Slovenščina")
            .AssertAnswer(slovenianAnswer, "Vam je bilo to v pomoč?", "👍 Da", "👎 Ne")
            .Send("how do I open a bank account in Postojna")
            .AssertAnswer(slovenianAnswer, "Vam je bilo to v pomoč?", "👍 Da", "👎 Ne")
            .StartTestAsync(Ct);
    }
}
