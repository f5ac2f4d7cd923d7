using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Issue 16 item 19: the configured office name and street address are what the person finds on the sign and the
/// street, in Latin script. A Cyrillic hbs answer keeps them Latin; no reader ever sees the <c>[[…]]</c> marks.
/// </summary>
public sealed class OfficeNamesInScriptTests
{
    [Theory]
    [InlineData(Language.Bcs, "где је ваша адреса канцеларије")]
    [InlineData(Language.Bcs, "gdje je vaša adresa kancelarije")]
    [InlineData(Language.English, "what is your office address")]
    [InlineData(Language.Slovenian, "kje je vaša pisarna, naslov")]
    [InlineData(Language.Arabic, "ما هو عنوان مكتبكم")]
    public async Task The_office_answer_shows_the_configured_name_and_address_as_configured(string language, string question)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var answer = FlowHarness.AnswerText(await bot.SendAsync(question));

        Assert.Contains("Tržaška cesta 1, Postojna", answer, StringComparison.Ordinal);
        Assert.Contains("Starting Point", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("]]", answer, StringComparison.Ordinal);
    }

    // Seen in a Slovenian answer: "Starting Point Postojna (Občina Postojna) vam pomaga …", the one configured name in
    // English inside Slovenian, where every message of the bot calls it "pisarna Izhodiščna točka".
    [Theory]
    [InlineData(Language.Slovenian, "kje je vaša pisarna, naslov", "Izhodiščna točka Postojna")]
    [InlineData(Language.Bcs, "где је ваша адреса канцеларије", "Početna tačka Postojna")]
    [InlineData(Language.English, "what is your office address", "Starting Point")]
    public async Task A_name_set_for_a_language_is_the_office_name_in_it_and_other_languages_keep_the_one_name(string language, string question, string name)
    {
        await using var bot = FlowHarness.Create(settings: new Dictionary<string, string?>
        {
            ["IntegrationBot:Office:Names:sl"] = "Izhodiščna točka Postojna",
            ["IntegrationBot:Office:Names:hbs"] = "Početna tačka Postojna",
        });
        await bot.StartInAsync(language);

        var answer = FlowHarness.AnswerText(await bot.SendAsync(question));

        Assert.Contains(name, answer, StringComparison.Ordinal);
        if (language != Language.English)
        {
            Assert.DoesNotContain("Starting Point", answer, StringComparison.Ordinal);
        }
    }
}
