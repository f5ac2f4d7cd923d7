using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Tests.Languages;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Shipped = LanguageIdentifier.FromCatalog(TopicCatalog.LoadDefault());

    [Theory]
    [InlineData("كيف أفتح حسابا بنكيا", "ar")]
    [InlineData("عنوان Ljudska univerza Postojna", "ar")]
    [InlineData("Где могу да нађем посао", "hbs")]
    public void Script_decides_for_arabic_and_cyrillic(string text, string expected)
    {
        var guess = Shipped.Identify(text);
        Assert.Equal(expected, guess.Language);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("kje lahko dobim osebnega zdravnika", "sl")]
    [InlineData("gdje mogu naci doktora za dijete", "hbs")]
    [InlineData("kako lahko odprem racun na banki", "sl")]
    [InlineData("kako da otvorim racun u banci", "hbs")]
    [InlineData("si mund te gjej nje mjek per femijen", "sq")]
    [InlineData("how can i find a doctor for my child", "en")]
    [InlineData("Çfarë dokumentesh më duhen për lejen e qëndrimit", "sq")]
    [InlineData("treba mi porezni broj, šta da radim", "hbs")]
    public void Latin_languages_are_told_apart_with_and_without_diacritics(string text, string expected) =>
        Assert.Equal(expected, Shipped.Identify(text).Language);

    [Fact]
    public void Confidences_form_a_distribution_over_the_five_languages()
    {
        var distribution = Shipped.Distribution("kje je upravna enota");
        Assert.Equal(Language.All, distribution.Select(g => g.Language));
        Assert.Equal(1.0, distribution.Sum(g => g.Confidence), 6);
    }

    [Fact]
    public void Text_without_letters_has_zero_confidence() => Assert.Equal(0, Shipped.Identify("🙂 ??? 🙏").Confidence);

    [Fact]
    public void Profiles_come_from_the_training_text()
    {
        var identifier = LanguageIdentifier.Train(new Dictionary<string, IEnumerable<string>>
        {
            ["en"] = ["the house is big", "where is the station"],
            ["sl"] = ["hiša je velika", "kje je postaja"],
            ["sq"] = ["shtëpia është e madhe", "ku është stacioni"],
            ["hbs"] = ["kuća je velika", "gdje je stanica"],
        });
        Assert.Equal("sl", identifier.Identify("kje je hisa").Language);
        Assert.Equal("hbs", identifier.Identify("gdje je kuca").Language);
    }
}
