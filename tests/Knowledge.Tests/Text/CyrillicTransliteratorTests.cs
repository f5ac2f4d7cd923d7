using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Tests.Text;

public sealed class CyrillicTransliteratorTests
{
    [Theory]
    [InlineData("Ljubljana", "Љубљана")]
    [InlineData("njegov konj", "његов коњ")]
    [InlineData("džep i Džamija", "џеп и Џамија")]
    [InlineData("Šta ćeš, đače? Žena.", "Шта ћеш, ђаче? Жена.")]
    [InlineData("LJUBAV", "ЉУБАВ")]
    public void Latin_bcs_becomes_serbian_cyrillic_with_digraphs(string latin, string cyrillic) =>
        Assert.Equal(cyrillic, CyrillicTransliterator.ToCyrillic(latin));

    [Fact]
    public void Urls_emails_numbers_and_foreign_names_are_kept()
    {
        var text = "Pišite na pic@pic.si ili pogledajte https://www.gov.si/teme/ i zovite 080 11 55 (WhatsApp).";
        Assert.Equal(
            "Пишите на pic@pic.si или погледајте https://www.gov.si/teme/ и зовите 080 11 55 (WhatsApp).",
            CyrillicTransliterator.ToCyrillic(text));
    }

    [Fact]
    public void Placeholders_are_kept() =>
        Assert.Equal("Адреса: {office.address}", CyrillicTransliterator.ToCyrillic("Adresa: {office.address}"));

    [Fact]
    public void Marked_latin_names_stay_latin_without_their_marks()
    {
        // Issue 16: "Telemach" became "Телемацх" and "upravna enota" "управна енота" on signs people must recognise.
        Assert.Equal("Примјер (Telemach): образац DR-02 у upravna enota.",
            CyrillicTransliterator.ToCyrillic("Primjer ([[Telemach]]): obrazac [[DR-02]] u [[upravna enota]]."));
        Assert.Equal("Example (Telemach), form DR-02.", CyrillicTransliterator.StripLatinMarks("Example ([[Telemach]]), form [[DR-02]]."));
    }

    [Fact]
    public void Shipped_hbs_content_marks_the_names_people_see_on_signs_and_forms()
    {
        var catalog = IntegrationBot.Knowledge.Content.TopicCatalog.LoadDefault();
        Assert.Contains("Telemach", CyrillicTransliterator.ToCyrillic(catalog.Find("phone-number")!.DetailsIn("hbs")!), StringComparison.Ordinal);
        Assert.Contains("DR-02", CyrillicTransliterator.ToCyrillic(catalog.Find("tax-number")!.AnswerIn("hbs")), StringComparison.Ordinal);
        Assert.Contains("Izjava o izbiri", CyrillicTransliterator.ToCyrillic(catalog.Find("doctor")!.AnswerIn("hbs")), StringComparison.Ordinal);
        Assert.Contains("upravna enota", CyrillicTransliterator.ToCyrillic(catalog.Find("residence-permit")!.AnswerIn("hbs")), StringComparison.Ordinal);
    }

    [Fact]
    public void No_shipped_hbs_name_leaves_its_abbreviation_outside_the_latin_mark()
    {
        // Found in the web chat journey: "[[Finančna uprava]] RS" read "Finančna uprava РС" in Cyrillic, one name in two scripts.
        var catalog = IntegrationBot.Knowledge.Content.TopicCatalog.LoadDefault();
        var split = catalog.Topics
            .SelectMany(t => new[] { t.AnswerIn("hbs"), t.DetailsIn("hbs") ?? string.Empty }.Select(text => (t.Id, Text: text)))
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t.Text, @"\]\] [A-Z]{2,}\b").Select(m => $"{t.Id}: {m.Value}"))
            .ToList();

        Assert.Empty(split);
        Assert.Contains("Finančna uprava RS", CyrillicTransliterator.ToCyrillic(catalog.Find("tax-number")!.AnswerIn("hbs")), StringComparison.Ordinal);
    }
}
