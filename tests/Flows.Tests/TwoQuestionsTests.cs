using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Two questions, or two things asked for, in one message: the answer to one, and the other named under it as
/// the first button.</summary>
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
    // Arabic writes "and" onto the next question word, with no question mark between: "وكيف" is "and how". Spoken Arabic
    // asks with "وين" (where), "شو" (what), "ليش" (why): "ووين" is "and where", while "وين" itself is no "and".
    [InlineData(Language.Arabic, "أين أجد طبيبا وكيف أسجل ابني في المدرسة", "doctor", "school-enrolment")]
    [InlineData(Language.Arabic, "وين ألاقي دكتور وكيف بسجل ابني بالمدرسة", "doctor", "school-enrolment")]
    [InlineData(Language.Arabic, "كيف أحصل على تأمين صحي ووين بلاقي شغل", "health-insurance", "job-search")]
    public Task The_second_question_is_offered_under_the_answer_to_the_first(string language, string message, string answered, string offered) =>
        AssertAnsweredAndOfferedAsync(language, message, answered, offered);

    // "Iščem delo in stanovanje" got the housing answer alone: its halves are no questions, only things asked for.
    [Theory]
    [InlineData(Language.Slovenian, "Iščem delo in stanovanje", "job-search", "housing")]
    [InlineData(Language.Slovenian, "iscem delo in stanovanje", "job-search", "housing")]
    [InlineData(Language.English, "I'm looking for work and housing", "job-search", "housing")]
    [InlineData(Language.English, "I need a doctor and a school for my son", "doctor", "school-enrolment")]
    [InlineData(Language.English, "Where can I find a doctor and a school for my son?", "doctor", "school-enrolment")]
    [InlineData(Language.Bcs, "Tražim posao i stan", "job-search", "housing")]
    [InlineData(Language.Bcs, "Тражим посао и стан", "job-search", "housing")]
    [InlineData(Language.Albanian, "Kërkoj punë dhe banesë", "job-search", "housing")]
    [InlineData(Language.Albanian, "kerkoj pune dhe banese", "job-search", "housing")]
    [InlineData(Language.Arabic, "أبحث عن عمل وسكن", "job-search", "housing")]
    [InlineData(Language.English, "Hi, I need a flat and a job", "housing", "job-search")]
    [InlineData(Language.English, "I have a job and need a flat and a kindergarten", "housing", "kindergarten")]
    public Task Two_things_asked_for_in_one_sentence_get_one_answer_and_the_other_offered(string language, string message, string answered, string offered) =>
        AssertAnsweredAndOfferedAsync(language, message, answered, offered);

    private static async Task AssertAnsweredAndOfferedAsync(string language, string message, string answered, string offered)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        var voice = new Voice(language, message.Any(c => c is >= '\u0400' and <= '\u04FF'));
        var title = bot.Catalog.Find(offered)!.TitleIn(language);
        Assert.StartsWith(FlowHarness.UpToDirectory(bot.AnswerOf(answered, voice)), FlowHarness.AnswerText(replies), StringComparison.Ordinal);
        Assert.StartsWith(bot.Localizer.Say(voice, "answer.alsoAsked", new Dictionary<string, string> { ["topic"] = title }), replies[^1].Text, StringComparison.Ordinal);
        var button = Localizer.RenderTitle(voice, title);
        Assert.Equal(button, replies.LastButtons()[0]);

        // Tapped, the second answer follows.
        var second = FlowHarness.AnswerText(await bot.SendAsync(button));
        Assert.StartsWith(FlowHarness.UpToDirectory(bot.AnswerOf(offered, voice)), second, StringComparison.Ordinal);
    }

    // "Pyetët edhe për Mjeku personal": "për" asks for the accusative ("për mjekun personal"), and a title is a nominative;
    // after a colon it stands on its own, as in the list of several. English read "You also asked about Our office".
    [Theory]
    [InlineData(Language.Albanian, "Si të hap një llogari bankare dhe ku të marr një kartë SIM?", "Pyetët edhe për: Telefoni dhe karta SIM. Prekni butonin më poshtë.")]
    [InlineData(Language.English, "how do i get health insurance? and where is the doctor", "You also asked about: Doctor. Tap the button below.")]
    public async Task The_offered_title_stands_on_its_own_after_a_colon(string language, string message, string expected)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        Assert.StartsWith(expected, replies[^1].Text, StringComparison.Ordinal);
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
    [InlineData(Language.Bcs, "Gdje mogu naći doktora za mene i moju djecu?")]
    [InlineData(Language.Bcs, "Где могу наћи доктора за мене и моју дјецу?")]
    // Things asked for: the other half is the same topic, names no topic, names only people, or is no request at all.
    [InlineData(Language.English, "bank account and card")]
    [InlineData(Language.English, "I need a bank account and a card")]
    [InlineData(Language.Slovenian, "Potrebujem bančni račun in kartico")]
    [InlineData(Language.Bcs, "Trebam bankovni račun i karticu")]
    [InlineData(Language.English, "mother and father")]
    [InlineData(Language.English, "I need a doctor for me and my family")]
    [InlineData(Language.English, "I need a flat for me and my wife")]
    [InlineData(Language.English, "I need a doctor for my wife and my children")]
    [InlineData(Language.English, "I work and need a flat")]
    [InlineData(Language.English, "I'm looking for a job in Postojna and Ljubljana")]
    [InlineData(Language.Slovenian, "Potrebujem zdravnika zame in za otroke")]
    [InlineData(Language.Slovenian, "Iščem stanovanje za ženo in otroke")]
    [InlineData(Language.Slovenian, "Iščem delo v Postojni in okolici")]
    [InlineData(Language.Bcs, "Trebam doktora za sebe i porodicu")]
    [InlineData(Language.Albanian, "Kam leje qëndrimi dhe dua të sjell familjen")]
    [InlineData(Language.Arabic, "أحتاج طبيب لي ولأطفالي")]
    [InlineData(Language.Arabic, "لدي إقامة وأريد أن أحضر عائلتي")]
    [InlineData(Language.English, "I need a flat and I have a residence permit")]
    [InlineData(Language.English, "I need a doctor and want to bring my family")]
    [InlineData(Language.Slovenian, "Rabim stanovanje, ker imam delo v Postojni")]
    [InlineData(Language.Slovenian, "Rabim stanovanje in imam dovoljenje za prebivanje")]
    [InlineData(Language.Bcs, "Trebam stan i imam dozvolu boravka")]
    [InlineData(Language.Arabic, "أحتاج شقة ولدي إقامة")]
    // Words that only begin with the letter و are no "and": a document (وثيقة), a ministry (وزارة), a job (وظيفة).
    [InlineData(Language.Arabic, "وين بلاقي وظيفة")]
    [InlineData(Language.Arabic, "كيف أحصل على وثيقة من وزارة الداخلية")]
    // Albanian drops "I": "dhe kam leje qëndrimi" is "and I have a residence permit", no question about the permit.
    [InlineData(Language.Albanian, "Kërkoj punë dhe kam leje qëndrimi")]
    [InlineData(Language.Albanian, "Kam nevojë për mjek dhe kam sigurim shëndetësor")]
    [InlineData(Language.Albanian, "Dua banesë dhe ka punë për mua")]
    [InlineData(Language.English, "I am looking for a job and have a residence permit")]
    [InlineData(Language.English, "I need a flat and have a job")]
    public async Task One_question_gets_no_second_offer(string language, string message)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        // Said in the person's script: "Pitali ste i o temi" is "Питали сте и о теми" to a Cyrillic writer.
        var voice = new Voice(language, message.Any(c => c is >= '\u0400' and <= '\u04FF'));
        foreach (var key in (string[])["answer.alsoAsked", "answer.alsoAskedMany"])
        {
            var alsoAsked = bot.Localizer.Say(voice, key, new Dictionary<string, string> { ["topic"] = "{", ["topics"] = "{" }).Split('{')[0].TrimStart(BidiText.RightToLeftMark);
            Assert.DoesNotContain(replies, r => r.Text?.Contains(alsoAsked, StringComparison.Ordinal) == true);
        }
    }
}
