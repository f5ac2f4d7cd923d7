using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Tests.Content;

/// <summary>
/// Opening hours are configured with English day names; every reader gets their own.
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

    [Fact]
    public void English_gets_the_office_and_hours_as_configured()
    {
        var office = new OfficeInfo("Starting Point", "Ljubljanska cesta 4, 6230 Postojna", "Mon–Fri 8–15");

        Assert.Equal(Hours, Entry.Shown("hours", Language.English));
        Assert.Equal(office, office.ShownIn(Language.English));
    }

    // Seen in Chromium: the Albanian, Slovenian and Arabic office answers said "Mon, Tue, Thu 08:00–15:00" in English.
    [Theory]
    [InlineData(Language.Slovenian, "pon., tor., čet. 8–15; sre. 8–17; pet. 8–13")]
    [InlineData(Language.Albanian, "Hën, Mar, Enj 8–15; Mër 8–17; Pre 8–13")]
    [InlineData(Language.Arabic, "الاثنين، الثلاثاء، الخميس 8–15؛ الأربعاء 8–17؛ الجمعة 8–13")]
    public void Other_languages_get_their_own_day_names_in_office_and_directory_hours(string language, string expected)
    {
        var office = new OfficeInfo("Starting Point", "Ljubljanska cesta 4, 6230 Postojna", Hours);

        Assert.Equal(expected, Entry.Shown("hours", language));
        Assert.Equal(office with { Hours = expected }, office.ShownIn(language));
    }
}
