using System.Text.RegularExpressions;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Each kind of emergency gets its own first line with the right number first, before and after consent.</summary>
public sealed partial class EmergencyKindTests
{
    // The numbers /work/shared/kb-facts.md confirms (§1); no other number may appear in an emergency reply.
    private static readonly string[] ConfirmedNumbers = ["112", "113", "116 000", "080 11 55", "080 12 00", "116 111", "116 123"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string> Crises => new()
    {
        { Language.Bcs, "Upomoć, neko umire, ne diše", "medical", "112" },
        { Language.English, "help, someone collapsed and is not breathing", "medical", "112" },
        { Language.Slovenian, "pomoč, prijatelj ne diha", "medical", "112" },
        { Language.Albanian, "ndihmë, dikush nuk merr frymë", "medical", "112" },
        { Language.Arabic, "النجدة شخص لا يتنفس", "medical", "112" },
        { Language.English, "help my husband is beating me", "violence", "080 11 55" },
        { Language.Slovenian, "pomoč mož me tepe", "violence", "080 11 55" },
        { Language.Albanian, "ndihmë burri më rreh", "violence", "080 11 55" },
        { Language.Bcs, "pomoć muž me tuče", "violence", "080 11 55" },
        { Language.Arabic, "النجدة زوجي يضربني", "violence", "080 11 55" },
        { Language.English, "I want to kill myself", "suicide", "116 123" },
        { Language.Slovenian, "razmišljam o samomoru", "suicide", "116 123" },
        { Language.Bcs, "ne želim više živjeti", "suicide", "116 123" },
        { Language.Albanian, "dua te vdes", "suicide", "116 123" },
        { Language.Arabic, "اريد ان اموت", "suicide", "116 123" },
        { Language.English, "a man with a knife is at my door", "danger", "113" },
        { Language.Slovenian, "soseda grozi, da me bo ubil", "danger", "113" },
        { Language.English, "my child is missing", "child", "113" },
        { Language.Bcs, "nestalo dijete u parku", "child", "113" },
        { Language.Arabic, "طفل مفقود في الحديقة", "child", "113" },

        // Found in the web chat journey: "I want to kill myself" typed with the reflexive before the verb (the usual
        // order in Slovene and BCS) got the police line instead of the crisis line; a break-in got no numbers at all.
        { Language.Slovenian, "hočem se ubiti", "suicide", "116 123" },
        { Language.Slovenian, "hocem se ubiti", "suicide", "116 123" },
        { Language.Bcs, "hoću se ubiti", "suicide", "116 123" },
        { Language.Bcs, "hocu da se ubijem", "suicide", "116 123" },
        { Language.Albanian, "dua të vras veten", "suicide", "116 123" },
        { Language.English, "someone broke into my house", "danger", "113" },
        { Language.English, "there is a burglar in the flat", "danger", "113" },
        { Language.Slovenian, "nekdo je vlomil v stanovanje", "danger", "113" },
        { Language.Bcs, "neko mi je provalio u stan", "danger", "113" },
        { Language.Albanian, "ka një hajdut në shtëpi", "danger", "113" },
        { Language.Arabic, "يوجد لص في بيتي", "danger", "113" },

        // Found on Telegram and Viber: each got "Sorry, I do not have a good answer" (or "Did you mean…") and no number.
        { Language.Albanian, "dua te vetevritem", "suicide", "116 123" },
        { Language.Arabic, "اريد الموت", "suicide", "116 123" },
        { Language.English, "i took pills to die", "suicide", "116 123" },
        { Language.English, "help my friend overdosed", "medical", "112" },
        { Language.English, "my child swallowed bleach", "medical", "112" },
        { Language.English, "a child next door is beaten every night", "child", "113" },
        { Language.Slovenian, "moj sin je izginil", "child", "113" },
        { Language.Bcs, "sin mi je nestao", "child", "113" },
        { Language.English, "my daughter is missing", "child", "113" },

        // Their natural variants: inflections, no diacritics, word order (Cyrillic in EmergencyKindGuardTests).
        { Language.Albanian, "Dua të vetëvritem", "suicide", "116 123" },
        { Language.Albanian, "nuk dua te jetoj me", "suicide", "116 123" },
        { Language.Arabic, "بدي موت", "suicide", "116 123" },
        { Language.Arabic, "ابي اموت", "suicide", "116 123" },
        { Language.English, "I want to take my own life", "suicide", "116 123" },
        { Language.Slovenian, "hočem umret", "suicide", "116 123" },
        { Language.Bcs, "želim da umrem", "suicide", "116 123" },
        { Language.English, "my son is overdosing", "medical", "112" },
        { Language.English, "I think she took pills, she is sleeping and I cannot wake her", "medical", "112" },
        { Language.English, "my baby swallowed a battery", "medical", "112" },
        { Language.Slovenian, "prijatelj se je predoziral", "medical", "112" },
        { Language.Slovenian, "otrok je pogoltnil tablete", "medical", "112" },
        { Language.Bcs, "dijete je progutalo deterdžent", "medical", "112" },
        { Language.Bcs, "drug se predozirao", "medical", "112" },
        { Language.Albanian, "djali gëlltiti ilaçe", "medical", "112" },
        { Language.Albanian, "shoku im bëri mbidozë", "medical", "112" },
        { Language.Arabic, "صديقي أخذ جرعة زائدة", "medical", "112" },
        { Language.Arabic, "ابني ابتلع دواء", "medical", "112" },
        { Language.English, "the kids next door are beaten", "child", "113" },
        { Language.English, "the neighbour beats his children", "child", "113" },
        { Language.Slovenian, "sosed tepe otroke", "child", "113" },
        { Language.Bcs, "komšija tuče djecu", "child", "113" },
        { Language.Albanian, "fqinji i rreh fëmijët", "child", "113" },
        { Language.Arabic, "الجار يضرب أطفاله", "child", "113" },
        { Language.English, "my son is missing since this morning", "child", "113" },
        { Language.English, "our boy went missing", "child", "113" },
        { Language.English, "my daughter has gone missing, please help", "child", "113" },
        { Language.English, "my daughter is missing, her phone is off", "child", "113" },
        { Language.Slovenian, "moja hči je izginila", "child", "113" },
        { Language.Slovenian, "sin je pogrešan", "child", "113" },
        { Language.Bcs, "kći mi je nestala", "child", "113" },
        { Language.Bcs, "nestao mi je sin", "child", "113" },
        { Language.Bcs, "ćerka je nestala", "child", "113" },
        { Language.Albanian, "djali im u zhduk", "child", "113" },
        { Language.Arabic, "ابني مفقود", "child", "113" },
        { Language.Arabic, "ابنتي مفقودة", "child", "113" },
        { Language.Arabic, "اختفى ابني", "child", "113" },

        // Found walking Telegram: a child turning blue (not breathing enough) got the family reunification answer.
        { Language.English, "he is 3 years old and blue", "medical", "112" },
        { Language.English, "my baby is turning blue", "medical", "112" },
        { Language.Slovenian, "otrok je pomodrel", "medical", "112" },
        { Language.Bcs, "dijete je poplavilo", "medical", "112" },
        { Language.Albanian, "djali u bë blu", "medical", "112" },
        { Language.Arabic, "ابني صار ازرق", "medical", "112" },

        // Found walking Serbian and Albanian journeys: chest pain and "I cannot breathe" said in the first person got
        // "I do not have a good answer" (only English knew "chest pain"; "nuk merr frymë" is he/she, "ne diše" he/she).
        { Language.Bcs, "jako me boli u grudima", "medical", "112" },
        { Language.Bcs, "bol u grudima", "medical", "112" },
        { Language.Bcs, "ne mogu da dišem", "medical", "112" },
        { Language.Bcs, "ne mogu disati", "medical", "112" },
        { Language.Albanian, "më dhemb gjoksi", "medical", "112" },
        { Language.Albanian, "kam dhimbje ne gjoks", "medical", "112" },
        { Language.Albanian, "nuk marr fryme", "medical", "112" },
        { Language.Albanian, "nuk mund të marr frymë", "medical", "112" },
        { Language.Slovenian, "boli me v prsih", "medical", "112" },
        { Language.Slovenian, "ne morem dihati", "medical", "112" },
        { Language.English, "my chest hurts", "medical", "112" },
        { Language.English, "pain in my chest", "medical", "112" },
        { Language.Arabic, "ألم في الصدر", "medical", "112" },
        { Language.Arabic, "صدري يوجعني", "medical", "112" },
    };

    [Theory]
    [MemberData(nameof(Crises))]
    public async Task Each_kind_of_danger_gets_its_own_first_line_with_the_right_number_first(string language, string message, string kind, string firstNumber)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        Assert.Equal(bot.Text(language, $"emergency.{kind}"), replies[0].Text);
        Assert.Equal(firstNumber, NumbersIn(replies[0].Text!)[0]);
        Assert.Equal([bot.Title(language, "emergency.counselorOffer")], replies[^1].Buttons());
    }

    [Fact]
    public async Task Someone_dying_in_bcs_gets_112_and_not_the_violence_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        await bot.Flow()
            .Send("Upomoć, neko umire, ne diše")
            .AssertReply(
                "Odmah pozovite 112 – hitna medicinska pomoć, vatrogasci, spasioci (s bilo kojeg telefona, može i na engleskom).\n"
                + "Recite šta se dogodilo, gdje i koliko je povrijeđenih.\n113 – policija")
            .AssertReply("Ako želite, savjetnik vam može pomoći lično.", "Odmah razgovaraj sa savjetnikom")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("sl")]
    [InlineData("en")]
    [InlineData("sq")]
    [InlineData("hbs")]
    [InlineData("ar")]
    public async Task Emergency_replies_name_only_numbers_confirmed_in_the_facts(string language)
    {
        await using var bot = FlowHarness.Create();
        foreach (var kind in new[] { "message", "medical", "danger", "violence", "suicide", "child" })
        {
            var text = bot.Text(language, $"emergency.{kind}");
            Assert.All(NumbersIn(text), n => Assert.Contains(n, ConfirmedNumbers));
        }
    }

    [Fact]
    public async Task A_crisis_before_consent_is_kept_for_the_counselor_and_one_tap_reaches_one()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs, acceptPrivacy: false);

        // No "accept the privacy notice first" before the counselor: the crisis is kept on vital interests.
        await bot.Flow()
            .Send("pomoć muž me tuče")
            .AssertReply("Niste vi krivi. SOS telefon za žene i djecu žrtve nasilja: 080 11 55 (0-24).\nAko ste sada u opasnosti, pozovite policiju: 113.\n080 12 00 – anonimni telefon policije")
            .AssertReply("Da bi vam savjetnik mogao pomoći, ovu poruku i ono što napišete dalje čuvam za savjetnike (zaštita života i sigurnosti, član 6(1)(d) GDPR); sa /delete ih brišete.")
            .AssertReply("Ako želite, savjetnik vam može pomoći lično.", "Odmah razgovaraj sa savjetnikom")
            .AssertNoReply()
            .Send("Odmah razgovaraj sa savjetnikom")
            .AssertReply("Vaše pitanje sam predao savjetniku. Vi ste 1. u redu; očekivano čekanje je oko 10 minuta. Možete nastaviti pisati ovdje; savjetnik će vidjeti vaše poruke.")
            .AssertReply("Vaš zahtjev sam savjetnicima označio kao hitan.")
            .AssertNoReply()
            .Send("on je još u stanu")
            .AssertReply("Vaš zahtjev je još u redu: vi ste 1. na redu. Savjetnik vidi vaše poruke i pisaće vam ovdje.")
            .AssertNoReply()
            .StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(HandoffPriority.Emergency, request.Priority);
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "pomoć muž me tuče");
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "on je još u stanu");
    }

    [Fact]
    public async Task Without_an_emergency_nothing_is_kept_before_consent()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);

        await bot.Flow()
            .Send("how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?")
            .StartTestAsync(Ct);

        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Fact]
    public async Task A_crisis_kept_on_vital_interests_is_erased_by_delete()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);
        await bot.Flow()
            .Send("I want to kill myself")
            .AssertReplyContains("116 123")
            .AssertReply("So that a counselor can help you, I keep this message and what you write next for the counselors (to protect life and safety, GDPR Art. 6(1)(d)); /delete erases it.")
            .IgnoreReplies()
            .StartTestAsync(Ct);
        Assert.NotEmpty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));

        await bot.Flow()
            .Send("/delete").IgnoreReplies()
            .Send("Yes, delete")
            .AssertReply("Your data has been deleted. If you write again, we start from the beginning.")
            .StartTestAsync(Ct);

        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    private static List<string> NumbersIn(string text) =>
        [.. PhoneNumber().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\b(080 \d\d \d\d|116 \d{3}|11[23])\b")]
    private static partial Regex PhoneNumber();
}
