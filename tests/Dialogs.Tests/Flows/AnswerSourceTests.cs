using IntegrationBot.Dialogs.Localization;
using IntegrationBot.Dialogs.Tests.Flows.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Dialogs.Tests.Flows;

/// <summary>Every answer names the official page(s) it comes from, in every language and script, addresses unchanged.</summary>
public sealed class AnswerSourceTests
{
    [Theory]
    [InlineData("en", false, "how do I open a bank account")]
    [InlineData("ar", false, "كيف افتح حساب بنكي")]
    [InlineData("hbs", true, "како да отворим банковни рачун")]
    public async Task The_closing_of_an_answer_offers_its_sources(string language, bool cyrillic, string question)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(question);

        var voice = new Voice(language, cyrillic);
        var topic = bot.Catalog.Topics.Single(t => bot.AnswerOf(t.Id, voice) == FlowHarness.AnswerText(replies));
        Assert.NotEmpty(topic.Sources);
        var label = bot.Localizer.Say(voice, "answer.source", new Dictionary<string, string> { ["links"] = "" }).Trim('\u200F', '\u2066', '\u2069', ' ');
        Assert.Contains(label, replies[^1].Text, StringComparison.Ordinal);
        // Arabic bidi isolation closes before a final "/" (a neutral character), so the address is compared without it.
        Assert.All(topic.Sources, source => Assert.Contains(source.TrimEnd('/'), replies[^1].Text, StringComparison.Ordinal));
    }
}
