using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Tests.Content;

/// <summary>
/// Issue 16 item 19: opening hours are written with English day names. A Cyrillic hbs reply turned "Mon, Tue, Thu"
/// into the meaningless "Мон, Туе, Тху"; an hbs reader gets their own day names instead, in their script.
/// </summary>
public sealed class HoursInHbsTests
{
    private const string Hours = "Mon, Tue, Thu 8–15; Wed 8–17; Fri 8–13";

    private static readonly DirectoryEntry Entry = new("ue-postojna", true, new Dictionary<string, string> { ["en"] = "UE Postojna" },
        "Ljubljanska cesta 10, 6230 Postojna", Hours, null, null, null, "https://www.gov.si/");

    [Fact]
    public void Directory_hours_use_hbs_day_names_in_both_scripts()
    {
        var shown = Entry.Shown("hours", Language.Bcs)!;

        Assert.Equal("pon, uto, čet 8–15; sri 8–17; pet 8–13", shown);
        Assert.Equal("пон, уто, чет 8–15; сри 8–17; пет 8–13", CyrillicTransliterator.ToCyrillic(shown));
    }

    [Fact]
    public void Office_hours_use_hbs_day_names_and_the_name_and_address_stay_latin_in_cyrillic()
    {
        var office = new OfficeInfo("Starting Point Postojna (Občina Postojna)", "Ljubljanska cesta 4, 6230 Postojna", "Mon–Fri 8–15");

        var cyrillic = CyrillicTransliterator.ToCyrillic(OfficePlaceholders.Fill("{office.name}\n{office.address}\n{office.hours}", office.ShownIn(Language.Bcs)));

        Assert.Equal("Starting Point Postojna (Občina Postojna)\nLjubljanska cesta 4, 6230 Postojna\nпон–пет 8–15", cyrillic);
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Slovenian)]
    [InlineData(Language.Albanian)]
    [InlineData(Language.Arabic)]
    public void Other_languages_get_the_office_and_hours_as_configured(string language)
    {
        var office = new OfficeInfo("Starting Point", "Ljubljanska cesta 4, 6230 Postojna", "Mon–Fri 8–15");

        Assert.Equal(Hours, Entry.Shown("hours", language));
        Assert.Equal(office, office.ShownIn(language));
    }
}
