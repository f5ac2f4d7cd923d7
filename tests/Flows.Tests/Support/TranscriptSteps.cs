using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests.Support;

/// <summary>Transcript steps for replies that span several messages (answers, plans).</summary>
public static class TranscriptSteps
{
    /// <summary>
    /// The rest of the turn is the answer <paramref name="expected"/> (see <see cref="FlowHarness.AnswerOf"/>: a topic's
    /// text is the knowledge base's, not a localized string), then the closing message <paramref name="closing"/> whose
    /// buttons include <paramref name="buttons"/>.
    /// </summary>
    public static TestFlow AssertAnswer(this TestFlow flow, string expected, string closing, params string[] buttons) =>
        flow.AssertReplies(replies =>
        {
            Assert.Equal(expected, FlowHarness.AnswerText(replies));
            Assert.Equal(closing, replies[^1].Text);
            Assert.All(buttons, button => Assert.Contains(button, replies[^1].Buttons()));
        });

    /// <summary>As <see cref="AssertAnswer"/> (the answer compared up to its first local-directory line), with
    /// <paramref name="firstButtons"/> the closing message's first buttons, in this order.</summary>
    public static TestFlow AssertAnswerOffering(this TestFlow flow, string expected, string closing, params string[] firstButtons) =>
        flow.AssertReplies(replies =>
        {
            Assert.StartsWith(FlowHarness.UpToDirectory(expected), FlowHarness.AnswerText(replies), StringComparison.Ordinal);
            Assert.Equal(closing, replies[^1].Text);
            Assert.Equal(firstButtons, replies[^1].Buttons().Take(firstButtons.Length));
        });

    /// <summary>As <see cref="AssertAnswer"/>, the answer compared up to its first local-directory line (whatever buttons).</summary>
    public static TestFlow AssertAnswerUpToDirectory(this TestFlow flow, string expected, string closing) =>
        flow.AssertReplies(replies =>
        {
            Assert.StartsWith(FlowHarness.UpToDirectory(expected), FlowHarness.AnswerText(replies), StringComparison.Ordinal);
            Assert.Equal(closing, replies[^1].Text);
        });

    /// <summary>The rest of the turn, read together, contains each of <paramref name="fragments"/>.</summary>
    public static TestFlow AssertTurnContains(this TestFlow flow, params string[] fragments) =>
        flow.AssertReplies(replies => Assert.All(fragments, fragment => Assert.Contains(fragment, replies.AllText(), StringComparison.Ordinal)));
}
