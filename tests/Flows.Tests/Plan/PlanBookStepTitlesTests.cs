using IntegrationBot.Flows.Plan;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>The console reads a plan step's title in its page's language: plan.yaml's five, in Latin letters.</summary>
public sealed class PlanBookStepTitlesTests
{
    private static readonly PlanBookStepTitles Titles = new(PlanBook.LoadDefault());

    [Fact]
    public void A_step_has_its_title_in_each_language_and_english_stays_the_title()
    {
        var titles = Titles.TitlesOf("tax-number");

        Assert.NotNull(titles);
        Assert.Equal(["sl", "en", "sq", "hbs", "ar"], titles.Keys);
        Assert.Equal("Davčna številka", titles["sl"]);
        Assert.Equal("Tax number", Titles.TitleOf("tax-number"));
        Assert.Null(Titles.TitlesOf("no-such-step"));
    }

    [Fact]
    public void The_marks_that_keep_a_name_latin_in_cyrillic_are_not_shown()
    {
        // plan.yaml writes "[[Azilni dom]] u Ljubljani … [[PIC]]-a" so a Cyrillic reply keeps the names Latin.
        var hbs = Titles.TitlesOf("asylum-application")!["hbs"];

        Assert.StartsWith("Azilni dom u Ljubljani", hbs, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", hbs, StringComparison.Ordinal);
    }
}
