using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Intents;
using IntegrationBot.Knowledge.Retrieval;

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
        var message = cue.TrimStart('=', ' ').Replace("*", string.Empty, StringComparison.Ordinal);

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
    public void A_crisis_in_any_language_is_read_as_its_kind(string message, EmergencyKind kind)
    {
        var result = Engine.Ask(message);

        Assert.Equal(Decision.Emergency, result.Decision);
        Assert.Equal(kind, result.EmergencyKind);
    }

    [Fact]
    public void Medical_emergency_is_answered_with_the_emergency_numbers_not_the_violence_topic() =>
        Assert.Equal("emergency-numbers", Engine.Ask("Upomoć, neko umire, ne diše").Topic);
}
