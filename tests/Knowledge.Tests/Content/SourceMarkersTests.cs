using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Tests.Content;

public sealed class SourceMarkersTests
{
    [Fact]
    public void Markers_are_stripped_and_cited_urls_listed_in_order()
    {
        const string text = "Fee €70. [2]\nCard €15.47. [1,2]\nBring a photo.";
        Assert.Equal("Fee €70.\nCard €15.47.\nBring a photo.", SourceMarkers.Strip(text));
        Assert.Equal(["https://b.example/", "https://a.example/"], SourceMarkers.CitedUrls(text, ["https://a.example/", "https://b.example/"]));
    }

    [Fact]
    public void Without_markers_all_sources_are_offered()
    {
        Assert.Equal(["https://a.example/"], SourceMarkers.CitedUrls("Bring a photo.", ["https://a.example/"]));
    }

    [Fact]
    public void Every_shipped_phone_number_is_cited()
    {
        // Issue 16: the violence helplines 080 11 55, 080 12 00, 116 111 and 116 123 had no source.
        var phone = new System.Text.RegularExpressions.Regex(@"\b(0\d{2} \d{2} \d{2}|116 \d{3}|\+386[\d ]+|0\d/?[\d -]{6,})");
        foreach (var topic in TopicCatalog.LoadDefault().Topics)
        {
            foreach (var language in Language.All)
            {
                var text = topic.AnswerIn(language) + "\n" + (topic.DetailsIn(language) ?? string.Empty);
                foreach (var line in text.Split('\n').Where(l => phone.IsMatch(l)))
                {
                    Assert.True(SourceMarkers.Cited(line).Count > 0, $"{topic.Id} {language}: {line}");
                }
            }
        }
    }
}
