using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Tests.DirectLine;

/// <summary>
/// The lines a turn's commit writes for its web chat replies: Web Chat orders by timestamp to the millisecond, so the
/// replies of one turn must not share one (FirstVisitJourneyTests saw the turn's last reply, with its buttons, shown
/// before the answer).
/// </summary>
public sealed class DirectLineReplyTests
{
    [Fact]
    public void The_replies_of_one_turn_are_stamped_a_millisecond_apart_in_their_order_and_only_web_chat_replies_are_kept()
    {
        var now = new DateTimeOffset(2026, 12, 5, 10, 0, 0, 123, TimeSpan.Zero);
        IReadOnlyList<Activity> outgoing =
        [
            Reply("a1", "webchat", "answer"),
            Reply("t1", "telegram", "elsewhere"),
            Reply("a2", "webchat", "was this helpful?"),
            Reply("a3", "webchat", "more"),
        ];

        var lines = DirectLineReply.ShapeTurn(outgoing, now);

        Assert.Equal(["a1", "a2", "a3"], lines.Select(l => l.Id));
        Assert.Equal([now, now.AddMilliseconds(1), now.AddMilliseconds(2)], lines.Select(l => l.Timestamp!.Value));
        Assert.All(lines, l => Assert.Null(l.ChannelData));
    }

    private static Activity Reply(string id, string channel, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = channel,
        Conversation = new ConversationAccount("c1"),
        Text = text,
    };
}
