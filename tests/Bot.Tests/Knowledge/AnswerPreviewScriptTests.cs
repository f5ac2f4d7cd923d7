using IntegrationBot.Editing.Preview;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>
/// The editor's preview shows an answer as the person gets it: Latin names marked <c>[[…]]</c> stay Latin in Cyrillic,
/// and no reader (hbs in Latin, any other language) sees the marks.
/// </summary>
public sealed class AnswerPreviewScriptTests
{
    private static readonly AnswerPreview Preview = new(new OfficeInfo("Starting Point", "Tržaška cesta 1, Postojna"));

    [Fact]
    public void A_cyrillic_preview_keeps_marked_names_and_the_office_address_latin()
    {
        var part = Assert.Single(Preview.Render("Idite u [[UE]]: {office.address}", Language.Bcs, AnswerPreview.WebChat, cyrillic: true)!);

        Assert.Equal("Идите у UE: Tržaška cesta 1, Postojna", part);
    }

    [Theory]
    [InlineData(Language.Bcs)]
    [InlineData(Language.Slovenian)]
    public void A_latin_preview_shows_no_marks(string language)
    {
        var part = Assert.Single(Preview.Render("Idite u [[UE]]: {office.address}", language, AnswerPreview.WebChat, cyrillic: false)!);

        Assert.Equal("Idite u UE: Tržaška cesta 1, Postojna", part);
    }
}
