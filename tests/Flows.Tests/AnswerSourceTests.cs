using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Every answer names the official page(s) it comes from, in every language and script, addresses unchanged.</summary>
public sealed class AnswerSourceTests
{
    [Theory]
    [InlineData("en", false, "how do I open a bank account")]
    [InlineData("ar", false, "كيف افتح حساب بنكي")]
    [InlineData("hbs", true, "како да отворим банковни рачун")]
    public async Task An_answer_offers_its_sources_with_addresses_unchanged(string language, bool cyrillic, string question)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(question);

        var voice = new Voice(language, cyrillic);
        var topic = bot.Catalog.Topics.Single(t => bot.AnswerOf(t.Id, voice) == FlowHarness.AnswerText(replies));
        Assert.NotEmpty(topic.Sources);
        var label = bot.Localizer.Say(voice, "answer.source").Trim('\u200F', '\u2066', '\u2069', ' ');
        var answer = FlowHarness.AnswerText(replies);
        Assert.Contains(label, answer, StringComparison.Ordinal);
        // The sources the answer cites ([n] markers), as written: never transliterated to Cyrillic, and in Arabic with
        // their final "/" inside the isolate (BidiText), so the link is the address as cited.
        var cited = Knowledge.Content.SourceMarkers.CitedUrls(topic.AnswerIn(language), topic.Sources);
        Assert.NotEmpty(cited);
        Assert.All(cited, source => Assert.Contains(source, answer, StringComparison.Ordinal));
    }

    // Seen in Chromium: the residence-permit answer is longer than one message, and the split left its last source
    // address alone in a message of its own, without the "Source:" label. The addresses stay with their label.
    [Theory]
    [InlineData("en", "residence permit")]
    [InlineData("sq", "sa kushton leja e qendrimit")]
    public async Task A_long_answer_keeps_its_source_addresses_with_their_label(string language, string question)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(question);

        var label = bot.Localizer.Say(new Voice(language), "answer.source");
        var withAddresses = replies.Where(r => r.Text?.Contains("https://", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(withAddresses);
        Assert.All(withAddresses, r => Assert.Contains(label, r.Text, StringComparison.Ordinal));
        Assert.True(replies.Count > 2, "the answer is long enough to be split (else this test proves nothing)");
    }
}
