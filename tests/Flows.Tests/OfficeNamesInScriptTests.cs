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
}
