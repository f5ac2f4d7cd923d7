using System.Text.RegularExpressions;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Tests.Content;

/// <summary>
/// A line's source marker must name the page that states the line's fact. A walk as a migrant found three that did
/// not: "You must tell the CSD about every change" cited nothing, kindergarten "from 11 months" cited the
/// primary-school page, and "permanent permit after 5 years" cited only the A2 language page. The CSD line was later
/// taken out: it is not in kb-facts.md (ShippedFactsTests.Answers_state_nothing_that_kb_facts_does_not_have).
/// </summary>
public sealed partial class CitedLinesTests
{
    private static readonly TopicCatalog Shipped = TopicCatalog.LoadDefault();

    [Theory]
    [InlineData("kindergarten", "11", "preschool-education")]
    [InlineData("residence-permit", "5", "infotujci.si/en/third-country-nationals/")]
    public void The_line_cites_the_page_that_states_its_fact(string topicId, string lineMark, string sourcePart)
    {
        var topic = Shipped.Find(topicId)!;
        foreach (var language in Language.All)
        {
            var lines = topic.AnswerIn(language).Split('\n');
            var line = Assert.Single(lines, l => l.Contains(lineMark, StringComparison.Ordinal) && Markers().IsMatch(l) && (l.StartsWith("1.", StringComparison.Ordinal) || l.StartsWith("3.", StringComparison.Ordinal)));
            var cited = Markers().Matches(line).SelectMany(m => m.Groups[1].Value.Split(',')).Select(int.Parse).Select(n => topic.Sources[n - 1]);
            Assert.Contains(cited, source => source.Contains(sourcePart, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"\[(\d+(?:,\d+)*)\]")]
    private static partial Regex Markers();
}
