using System.Text.RegularExpressions;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;
using IntegrationBot.Knowledge.Text;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Knowledge.Tests.Text;

/// <summary>
/// Issue 16 item 19: a person who writes in Cyrillic gets the hbs answer in Cyrillic, but the names they must find on
/// signs and forms stay in Latin script. Every shipped hbs title, answer and details text, with the directory's
/// names and addresses filled in, is rendered in Cyrillic and checked against <see cref="LatinNames"/>.
/// </summary>
public sealed class LatinNamesInCyrillicTests
{
    private static readonly TopicCatalog Catalog = TopicCatalog.LoadDefault();

    public static TheoryData<string> TopicIds => [.. Catalog.Topics.Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(TopicIds))]
    public void A_cyrillic_answer_keeps_every_known_latin_name(string topicId)
    {
        var topic = Catalog.Find(topicId)!;
        var texts = new[] { topic.TitleIn(Language.Bcs), topic.AnswerIn(Language.Bcs), topic.DetailsIn(Language.Bcs) ?? string.Empty };

        var transliterated = texts
            .Select(text => DirectoryPlaceholders.Fill(text, Catalog.Directory, Language.Bcs, string.Empty))
            .SelectMany(text => LatinNames.TransliteratedIn(text, CyrillicTransliterator.ToCyrillic(text)))
            .Distinct()
            .ToList();

        Assert.True(transliterated.Count == 0, $"{topicId}: mark [[…]] in the hbs text: {string.Join(", ", transliterated)}");
    }

    public static TheoryData<string> PlanStepIds => [.. PlanBook.LoadDefault().Steps.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(PlanStepIds))]
    public void A_cyrillic_plan_step_keeps_every_known_latin_name(string stepId)
    {
        // The first-steps plan shows each step's title and what to bring in the person's script, like an answer.
        var step = PlanBook.LoadDefault().Find(stepId)!;
        var transliterated = new[] { step.TitleIn(Language.Bcs), step.BringIn(Language.Bcs) ?? string.Empty }
            .SelectMany(text => LatinNames.TransliteratedIn(text, CyrillicTransliterator.ToCyrillic(text)))
            .Distinct()
            .ToList();

        Assert.True(transliterated.Count == 0, $"plan.yaml {stepId}: mark [[…]] in the hbs text: {string.Join(", ", transliterated)}");
    }

    [Fact]
    public void Directory_names_and_addresses_stay_latin_in_cyrillic()
    {
        var transliterated = Catalog.Directory.Entries
            .SelectMany(entry => new[] { entry.NameIn(Language.Bcs), entry.Shown("address", Language.Bcs) ?? string.Empty })
            .SelectMany(text => LatinNames.TransliteratedIn(text, CyrillicTransliterator.ToCyrillic(text)))
            .Distinct()
            .ToList();

        Assert.Empty(transliterated);
    }

    [Fact]
    public void No_hbs_answer_declines_upravna_enota_the_slovenian_way()
    {
        // The tax number's "(na upravnoj enoti)" is neither Bosnian/Croatian/Serbian nor the name on the sign, and in
        // Cyrillic it read "на управној еноти". The unit is "upravna jedinica", its sign's name "[[upravna enota]]".
        var declined = Catalog.Topics
            .Where(t => Regex.IsMatch(
                CyrillicTransliterator.StripLatinMarks(t.AnswerIn(Language.Bcs) + "\n" + t.DetailsIn(Language.Bcs)),
                @"\bupravn\w* enot(?!a\b)\w*",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .Select(t => t.Id);

        Assert.Empty(declined);
    }

    [Fact]
    public void The_check_finds_an_unmarked_name()
    {
        // The list check itself: an unmarked form name is reported, a marked one is not.
        Assert.Equal(["DR-02"], LatinNames.TransliteratedIn("obrazac DR-02", CyrillicTransliterator.ToCyrillic("obrazac DR-02")));
        Assert.Empty(LatinNames.TransliteratedIn("obrazac [[DR-02]]", CyrillicTransliterator.ToCyrillic("obrazac [[DR-02]]")));
    }
}
