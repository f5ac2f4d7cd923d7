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
}
