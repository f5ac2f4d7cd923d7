using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// People answer "Where are you from?" with their country, not with the group on the buttons. Before, "Syria",
/// "Kosova", "Bosna", "سوريا" or "Србија" got "I did not understand that", and the second time the question was
/// skipped: the permit steps that depend on the group were left out of the plan.
/// </summary>
public sealed class PlanCountryNamesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Language.English, "Syria", "Syria – I noted: Another country.")]
    [InlineData(Language.English, "I am from Germany", "Germany – I noted: EU, EEA or Switzerland.")]
    [InlineData(Language.English, "afghanstan", "Afghanistan – I noted: Another country.")]
    [InlineData(Language.Albanian, "Kosova", "Kosova – e shënova: Ballkani Perëndimor.")]
    [InlineData(Language.Albanian, "nga Shqiperia", "Shqipëria – e shënova: Ballkani Perëndimor.")]
    [InlineData(Language.Bcs, "Bosna", "Bosna i Hercegovina – zabilježio sam: Zapadni Balkan.")]
    [InlineData(Language.Bcs, "Србија", "Србија – забиљежио сам: Западни Балкан.")]
    [InlineData(Language.Slovenian, "Hrvaska", "Hrvaška – zabeležil sem: EU, EGP ali Švica.")]
    [InlineData(Language.Arabic, "سوريا", "سوريا – سجّلتُ: بلد آخر.")]
    [InlineData(Language.Arabic, "انا من العراق", "العراق – سجّلتُ: بلد آخر.")]
    public async Task A_country_named_at_the_origin_question_is_read_as_its_group_and_said_back(string language, string typed, string noted)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        await bot.SendAsync("/plan");

        var reply = Assert.Single(await bot.SendAsync(typed));

        var lines = BidiText.Strip(reply.Text!).Split('\n');
        Assert.Equal(noted, lines[0]);
        Assert.StartsWith("2/5", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_group_read_from_the_country_decides_the_steps()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/plan");
        await bot.SendAsync("Syria");
        await bot.SendAsync("Work");
        await bot.SendAsync("20.11.2026");
        await bot.SendAsync("No children");

        var checklist = (await bot.SendAsync("None of these")).AllText();

        Assert.Contains("Single permit for residence and work", checklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_country_typed_at_a_later_question_changes_the_origin_and_names_the_country()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/plan");
        await bot.SendAsync("EU, EEA or Switzerland");

        var reply = Assert.Single(await bot.SendAsync("Kosovo"));

        Assert.StartsWith("Changed: Kosovo (Western Balkans)\n2/5", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_it_does_not_know_is_asked_again_with_the_groups_explained()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/plan");

        var reply = Assert.Single(await bot.SendAsync("Atlantis"));

        Assert.StartsWith(
            "I could not tell which group that is. EU, EEA or Switzerland: the EU countries, Iceland, Liechtenstein, Norway, Switzerland. "
            + "Western Balkans: Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia. Any other country: “Another country”. "
            + "Choose a button, or press Skip.\n1/5 Where are you from?",
            reply.Text,
            StringComparison.Ordinal);
    }
}
