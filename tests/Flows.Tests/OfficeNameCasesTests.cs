using System.Text.RegularExpressions;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Slovenian, Bosnian/Croatian/Serbian and Albanian decline nouns; an answer puts the office's name after the word for
/// office in the case the sentence needs ("vprašajte pisarno {office.name}", "v pisarni {office.name}"), so the name,
/// configured or the fallback for an unconfigured office, stays in the nominative and every sentence reads correctly.
/// </summary>
public sealed class OfficeNameCasesTests
{
    private static readonly Dictionary<string, string?> NoOffice = new()
    {
        ["IntegrationBot:Office:Name"] = "",
        ["IntegrationBot:Office:Address"] = "",
        ["IntegrationBot:Office:Phone"] = "",
        ["IntegrationBot:Office:HoursText"] = "",
        ["IntegrationBot:Office:Email"] = "",
    };

    // Words after which a noun takes a case other than the nominative (ask, tell, in, or after "ask X or"): the office's
    // name right after one of them is in the wrong case ("vprašajte pisarna …", "u kancelarija …", "pyesni zyra …").
    public static TheoryData<string, string, string> Languages => new()
    {
        { Language.Slovenian, @"\b(vprašajte|prosite|povejte|v|ali)$", "Za vse drugo vprašajte pisarno Izhodiščna točka Občine Postojna." },
        { Language.Bcs, @"\b(pitajte|zamolite|recite|u|ili)$", "Za sve ostalo pitajte kancelariju Početna tačka Općine Postojna." },
        { Language.Albanian, @"\b(pyesni|Pyesni|njoftoni|menjëherë|në|ose)$", "Për çdo gjë tjetër pyesni zyrën Pika e Nisjes e Komunës së Postojnës." },
    };

    // Seen with nothing configured: "Za vse drugo vprašajte pisarna Izhodiščna točka Občine Postojna." (nominative
    // after "ask"), "Svetovalec v pisarna …", "Savjetnik u kancelarija …", "pyesni zyra Pika e Nisjes …".
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task With_nothing_configured_no_answer_puts_the_office_in_the_wrong_case(string language, string caseWords, string identityCardLine)
    {
        await using var bot = FlowHarness.Create(settings: NoOffice);
        var answers = bot.Get<AnswerText>();
        var name = AnswerText.OfficeFallbackFor(bot.Localizer, language).Name;
        var voice = new Voice(language);

        var wrong = new List<string>();
        foreach (var topic in bot.Catalog.Topics)
        {
            foreach (var raw in new[] { topic.AnswerIn(language), topic.DetailsIn(language) ?? string.Empty })
            {
                var text = string.Join("\n", answers.Parts(raw, topic.Sources, voice));
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                {
                    if (Regex.IsMatch(text[..at].TrimEnd(), caseWords))
                    {
                        wrong.Add($"{topic.Id}: {Line(text, at)}");
                    }
                }
            }
        }

        Assert.Empty(wrong);
        var identityCard = string.Join("\n", answers.Parts(bot.Catalog.Find("identity-card")!.AnswerIn(language), bot.Catalog.Find("identity-card")!.Sources, voice));
        Assert.Contains(identityCardLine, identityCard.Split('\n'));
    }

    private static string Line(string text, int at)
    {
        var start = text.LastIndexOf('\n', at) + 1;
        var end = text.IndexOf('\n', at);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
