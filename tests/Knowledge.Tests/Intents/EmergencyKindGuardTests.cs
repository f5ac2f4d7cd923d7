using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Evaluation;
using IntegrationBot.Knowledge.Intents;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Knowledge.Tests.Intents;

/// <summary>
/// Every emergency cue of the shipped intents.yaml, asked as a message, is an emergency of the kind its section
/// names: a cue filed under the wrong kind, or shadowed by a cue of a kind tried earlier, fails here.
/// </summary>
public sealed class EmergencyKindGuardTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    public static TheoryData<string, string, string> Cues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (kind, languages) in Engine.Catalog.Intents.EmergencyByKind)
        {
            foreach (var (language, cues) in languages)
            {
                foreach (var cue in cues.Where(c => !c.StartsWith('~')))
                {
                    data.Add(kind, language, cue);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Every_kind_has_cues_in_all_five_languages()
    {
        foreach (var kind in Enum.GetValues<EmergencyKind>().Where(k => k != EmergencyKind.None))
        {
            var languages = Engine.Catalog.Intents.EmergencyByKind.GetValueOrDefault(IntentDetector.NameOf(kind));
            Assert.NotNull(languages);
            Assert.Equal(["ar", "en", "hbs", "sl", "sq"], languages.Where(l => l.Value.Count > 0).Select(l => l.Key).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Cues))]
    public void Each_emergency_cue_is_an_emergency_of_its_own_kind(string kind, string language, string cue)
    {
        // A prefix cue ("suicid*") is asked as written without the star: the bare prefix is a word starting with it.
        // The words a cue excludes after it ("!school*") are left out: they are not part of the danger.
        var words = cue.TrimStart('=', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('!'));
        var message = string.Join(' ', words).Replace("*", string.Empty, StringComparison.Ordinal);

        var result = Engine.Ask(message, language);

        Assert.Equal(Decision.Emergency, result.Decision);
        Assert.Equal(kind, IntentDetector.NameOf(result.EmergencyKind));
    }

    [Theory]
    [InlineData("Upomoć, neko umire, ne diše", EmergencyKind.Medical)]
    [InlineData("Помоћ, неко умире, не дише", EmergencyKind.Medical)]
    [InlineData("help, someone is dying, not breathing", EmergencyKind.Medical)]
    [InlineData("my husband is beating me", EmergencyKind.Violence)]
    [InlineData("mož me tepe", EmergencyKind.Violence)]
    [InlineData("ne želim više živjeti", EmergencyKind.Suicide)]
    [InlineData("dua te vdes", EmergencyKind.Suicide)]
    [InlineData("my child is missing, the child is lost", EmergencyKind.Child)]
    [InlineData("a man with a knife is outside", EmergencyKind.Danger)]
    [InlineData("هناك رجل معه سكين", EmergencyKind.Danger)]
    [InlineData("нестао ми је син", EmergencyKind.Child)]
    [InlineData("ћерка ми је нестала", EmergencyKind.Child)]
    [InlineData("хоћу да умрем", EmergencyKind.Suicide)]
    [InlineData("дијете је прогутало таблете", EmergencyKind.Medical)]
    // Walked on Viber: "my son cannot breathe" in Arabic got "no good answer" (only "I cannot breathe" was a cue).
    [InlineData("ابني لا يستطيع التنفس", EmergencyKind.Medical)]
    [InlineData("زوجتي لا تستطيع التنفس", EmergencyKind.Medical)]
    [InlineData("ابني ما يقدر يتنفس", EmergencyKind.Medical)]
    [InlineData("ما اقدر اتنفس", EmergencyKind.Medical)]
    // Walking Serbian Cyrillic: chest pain and "I cannot breathe" in the first person got "no good answer".
    [InlineData("бол у грудима", EmergencyKind.Medical)]
    [InlineData("боли ме у грудима", EmergencyKind.Medical)]
    [InlineData("не могу да дишем", EmergencyKind.Medical)]
    public void A_crisis_in_any_language_is_read_as_its_kind(string message, EmergencyKind kind)
    {
        var result = Engine.Ask(message);

        Assert.Equal(Decision.Emergency, result.Decision);
        Assert.Equal(kind, result.EmergencyKind);
    }

    /// <summary>
    /// Everyday messages that share a word with a danger cue ("missing", "pills", "killing me", "dead") are not an
    /// emergency: a false alarm puts the police number and an urgent counselor request in front of a plain question.
    /// </summary>
    [Theory]
    [InlineData("I'm missing my documents")]
    [InlineData("my son is missing school")]
    [InlineData("my daughter is missing classes because she is ill")]
    [InlineData("my son's documents are missing")]
    [InlineData("my child is missing vaccinations, where do I get them")]
    [InlineData("I miss my family")]
    [InlineData("pills for headache")]
    [InlineData("where can I buy pills for a headache")]
    [InlineData("how to kill time in Postojna")]
    [InlineData("the price is killing me")]
    [InlineData("this rent is killing me")]
    [InlineData("dead battery")]
    [InlineData("my phone has a dead battery")]
    [InlineData("pogrešam družino")]
    [InlineData("pogrešam otroke, kako jih pripeljem v Slovenijo")]
    [InlineData("nestalo mi je struje u stanu")]
    [InlineData("më mungojnë dokumentet")]
    [InlineData("جوازي مفقود")]
    // "grudi" is also the breast: a check-up is no chest pain; "ne mogu" alone is no breathlessness.
    [InlineData("pregled grudi")]
    [InlineData("gdje mogu napraviti mamografiju grudi")]
    [InlineData("ne mogu dobiti dozvolu")]
    [InlineData("ne morem dobiti zdravnika")]
    // Found in review: a cold was "call 112 now" ("cannot breathe" through the nose).
    [InlineData("otrok ne more dihati skozi nos, ima prehlad")]
    [InlineData("dijete ne može disati na nos, prehlađeno je")]
    [InlineData("ne mogu disati kroz nos")]
    [InlineData("my baby cannot breathe through the nose")]
    [InlineData("she can't breathe through her nose, she has a cold")]
    public void An_everyday_message_sharing_a_word_with_danger_is_not_an_emergency(string message) =>
        Assert.NotEqual(Decision.Emergency, Engine.Ask(message).Decision);

    /// <summary>A question of both evaluation sets about anything but the safety topics is no emergency.</summary>
    [Theory]
    [InlineData("parts")]
    [InlineData("holdout")]
    public void No_evaluation_question_of_an_ordinary_topic_is_an_emergency(string set)
    {
        var (items, _) = EvalSet.Load(RepositoryRoot.Combine("Knowledge", "eval", set));
        var safety = Engine.Catalog.Topics.Where(t => t.IsEmergency).Select(t => t.Id).ToHashSet();

        var alarms = items
            .Where(item => item.Topic is not null && !safety.Contains(item.Topic))
            .Where(item => Engine.Ask(item.Text).Decision == Decision.Emergency)
            .Select(item => $"{item.Language}: {item.Text}")
            .ToList();

        Assert.Empty(alarms);
    }

    [Fact]
    public void Medical_emergency_is_answered_with_the_emergency_numbers_not_the_violence_topic() =>
        Assert.Equal("emergency-numbers", Engine.Ask("Upomoć, neko umire, ne diše").Topic);
}
