using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Tests.DirectLine;

/// <summary>Committed lines waiting for their delivery: taken once, forgotten with their conversation, and bounded.</summary>
public sealed class CommittedWebChatLinesTests
{
    [Fact]
    public void A_line_is_taken_once_and_a_forgotten_conversation_has_none()
    {
        var lines = new CommittedWebChatLines();
        lines.Committed([Line("c1", "out:a"), Line("c2", "out:b")]);

        Assert.True(lines.TryTake("c1", "out:a", out var taken));
        Assert.Equal("out:a", taken.Activity.Id);
        Assert.False(lines.TryTake("c1", "out:a", out _));
        lines.Forget("c2");
        Assert.False(lines.TryTake("c2", "out:b", out _));
    }

    [Fact]
    public void Lines_whose_delivery_never_asks_for_them_do_not_grow_past_the_bound()
    {
        var lines = new CommittedWebChatLines();
        lines.Committed(Enumerable.Range(0, CommittedWebChatLines.Capacity * 3).Select(i => Line("c" + i, "out:" + i)));

        Assert.InRange(lines.Count, 1, CommittedWebChatLines.Capacity);
        var last = CommittedWebChatLines.Capacity * 3 - 1;
        Assert.True(lines.TryTake("c" + last, "out:" + last, out _));
    }

    private static CommittedWebChatLine Line(string conversation, string key) =>
        new(conversation, key, new AppendedActivity(new Activity { Id = key, Type = ActivityTypes.Message }, 1, IsNew: true));
}
