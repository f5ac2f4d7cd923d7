using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A person who types only "dovoljenje", "dozvola", "leja", "تصريح" or "permit" most likely means a residence permit, or
/// does not know which permit they need. They got the work permit's answer (the employer's single permit). Now the bot asks
/// back in their language, as it does for any unclear question: "Did you mean one of these?" with the residence permit, the
/// work permit and "None of these" as buttons.
/// </summary>
public sealed class PermitAloneTests
{
    [Theory]
    [InlineData(Language.Slovenian, "dovoljenje", false)]
    [InlineData(Language.English, "permit", false)]
    [InlineData(Language.Albanian, "leja", false)]
    [InlineData(Language.Bcs, "dozvola", false)]
    [InlineData(Language.Bcs, "дозвола", true)]
    [InlineData(Language.Arabic, "تصريح", false)]
    public async Task A_permit_word_alone_is_asked_back_with_the_residence_permit_first(string language, string word, bool cyrillic)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        var voice = new Voice(language, Cyrillic: cyrillic);
        var residence = Localizer.RenderTitle(voice, bot.Catalog.Find("residence-permit")!.TitleIn(language));
        var work = Localizer.RenderTitle(voice, bot.Catalog.Find("work-permit")!.TitleIn(language));

        var asked = Assert.Single(await bot.SendAsync(word));

        Assert.Equal(bot.Localizer.Say(voice, "clarify.prompt"), asked.Text);
        Assert.Equal([residence, work, bot.Localizer.Title(voice, "clarify.noneOfThese")], asked.Buttons());

        // The button is the residence permit's answer (its opening; the source line's direction mark is the renderer's).
        var answer = FlowHarness.AnswerText(await bot.SendAsync(residence));
        Assert.StartsWith(bot.AnswerOf("residence-permit", voice)[..80], answer);
    }
}
