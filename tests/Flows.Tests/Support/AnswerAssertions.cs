using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests.Support;

/// <summary>Transcript steps for the knowledge base's answers, whose text is the topic's, not a localized string.</summary>
public static class AnswerAssertions
{
    /// <summary>
    /// The rest of the turn is the answer <paramref name="expected"/> (see <see cref="FlowHarness.AnswerOf"/>), then a
    /// closing message <paramref name="closing"/> and whose buttons include <paramref name="buttons"/>.
    /// </summary>
    public static TestFlow AssertAnswer(this TestFlow flow, string expected, string closing, params string[] buttons) =>
        flow.AssertReplies(replies =>
        {
            Assert.Equal(expected, FlowHarness.AnswerText(replies));
            Assert.Equal(closing, replies[^1].Text);
            Assert.All(buttons, button => Assert.Contains(button, replies[^1].Buttons()));
        });
}
