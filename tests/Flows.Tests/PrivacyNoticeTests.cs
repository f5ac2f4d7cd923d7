using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>The privacy notice's "Read more" names the controller, its contact, the legal basis, retention and the right to complain.</summary>
public sealed class PrivacyNoticeTests
{
    [Theory]
    [InlineData("sl")]
    [InlineData("en")]
    [InlineData("sq")]
    [InlineData("hbs")]
    [InlineData("ar")]
    public async Task Read_more_names_controller_contact_legal_basis_retention_and_the_information_commissioner(string language)
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();
        await bot.SendAsync(bot.Title(language, "language.name"));

        var more = BidiText.Strip(Assert.Single(await bot.SendAsync(bot.Title(language, "privacy.readMore"))).Text!);

        Assert.Contains("Občina Postojna", more);
        Assert.Contains("Ljubljanska cesta 4, 6230 Postojna", more);
        Assert.Contains("obcina@postojna.si", more);
        Assert.Contains("6(1)", more);
        Assert.Contains("90", more);
        Assert.Contains("Informacijski pooblaščenec", more);
        Assert.Contains("https://www.ip-rs.si", more);
    }

    // A Cyrillic writer read "члан 6(1)(д)": the GDPR's points are letters of the Latin alphabet on every official
    // text, and "(д)" is no point of article 6(1). The reference stays as the regulation writes it.
    [Theory]
    [InlineData("privacy.more", "6(1)(a)")]
    [InlineData("privacy.more", "6(1)(d)")]
    [InlineData("emergency.keptForCounselor", "6(1)(d) GDPR")]
    public async Task A_Cyrillic_reader_gets_the_GDPR_article_as_the_regulation_writes_it(string key, string reference)
    {
        await using var bot = FlowHarness.Create();

        var text = bot.Localizer.Say(new Voice(Language.Bcs, Cyrillic: true), key, new Dictionary<string, string> { ["retentionDays"] = "90" });

        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("члан", text, StringComparison.Ordinal);
    }
}
