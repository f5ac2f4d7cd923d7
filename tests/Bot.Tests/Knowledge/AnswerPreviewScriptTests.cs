using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Editing.Preview;
using IntegrationBot.Knowledge.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>
/// The editor's preview shows an answer as the person gets it: Latin names marked <c>[[…]]</c> stay Latin in Cyrillic,
/// and no reader (hbs in Latin, any other language) sees the marks.
/// </summary>
public sealed class AnswerPreviewScriptTests
{
    private static readonly Dictionary<string, string> Office = new()
    {
        ["IntegrationBot:Office:Name"] = "Starting Point",
        ["IntegrationBot:Office:Address"] = "Tržaška cesta 1, Postojna",
    };

    [Fact]
    public async Task A_cyrillic_preview_keeps_marked_names_and_the_office_address_latin()
    {
        await using var host = new ChatHost(Office);
        var preview = host.Services.GetRequiredService<AnswerPreview>();

        var part = Assert.Single(preview.Render("Idite u [[UE]]: {office.address}", [], Language.Bcs, AnswerPreview.WebChat, cyrillic: true)!);

        Assert.Equal("Идите у UE: Tržaška cesta 1, Postojna", part);
    }

    [Theory]
    [InlineData(Language.Bcs)]
    [InlineData(Language.Slovenian)]
    public async Task A_latin_preview_shows_no_marks(string language)
    {
        await using var host = new ChatHost(Office);
        var preview = host.Services.GetRequiredService<AnswerPreview>();

        var part = Assert.Single(preview.Render("Idite u [[UE]]: {office.address}", [], language, AnswerPreview.WebChat, cyrillic: false)!);

        Assert.Equal("Idite u UE: Tržaška cesta 1, Postojna", part);
    }
}
