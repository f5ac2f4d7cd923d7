using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>What the words written after 👎 ("What were you looking for?") lead to: recorded always, answered when they ask about another topic.</summary>
public sealed class ThumbsDownReasonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// "What were you looking for?" is often answered with the question itself, in other words. Found walking the web
    /// chat in Albanian: "ku eshte policia ne postojne" after 👎 got "Thank you, I have noted it" and was never answered.
    /// A clear answer of another topic is now given at once; the words are recorded all the same.
    /// </summary>
    [Theory]
    [InlineData(Language.Albanian, "si te hap llogari bankare", "ku eshte policia ne postojne")]
    [InlineData(Language.English, "how do I open a bank account", "where is the police station in postojna")]
    public async Task A_thumbs_down_reason_that_is_a_question_of_other_topics_is_answered_and_recorded(string language, string question, string reason)
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();
        await bot.SendAsync(bot.Title(language, "language.name"));
        await bot.SendAsync(bot.Title(language, "privacy.accept"));
        Assert.Equal(bot.AnswerOf("bank-account", new Voice(language)), FlowHarness.AnswerText(await bot.SendAsync(question)));
        await bot.SendAsync(bot.Title(language, "answer.helpfulNo"));

        var replies = await bot.SendAsync(reason);

        Assert.Equal(bot.Text(language, "feedback.recordedAnswer"), replies[0].Text);
        // Albanian: a "Did you mean" of the offices and the police; English: the offices' answer (the police station in it).
        var rest = replies.Skip(1).ToList();
        if (language == Language.English)
        {
            Assert.StartsWith(FlowHarness.UpToDirectory(bot.AnswerOf("local-offices", new Voice(language))), FlowHarness.AnswerText(rest), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(bot.Catalog.Find("police")!.TitleIn(language), rest.LastButtons());
        }

        Assert.DoesNotContain(replies, r => r.Text == bot.Text(language, "feedback.recorded"));
        var feedback = Assert.Single(await bot.Unanswered.RecentAsync(10, Ct), f => f.Kind == UnansweredKind.NegativeFeedback);
        Assert.Equal("bank-account", feedback.Topic);
        Assert.Contains(reason, feedback.Text);
    }

    [Fact]
    public async Task A_thumbs_down_reason_about_the_same_topic_is_only_recorded()
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync();
        await bot.SendAsync(bot.Title(Language.English, "language.name"));
        await bot.SendAsync(bot.Title(Language.English, "privacy.accept"));
        await bot.SendAsync("how do I open a bank account");
        await bot.SendAsync(bot.Title(Language.English, "answer.helpfulNo"));

        var replies = await bot.SendAsync("how do i open a bank account without a permit");

        Assert.Equal(bot.Text(Language.English, "feedback.recorded"), Assert.Single(replies).Text);
    }
}
