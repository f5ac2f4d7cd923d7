using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Handoff.Tests.Queue;

/// <summary>Issue 13.9: the in-memory "blocked / left" marks are bounded; the oldest are forgotten first.</summary>
public sealed class UnreachableMarksTests
{
    [Fact]
    public void Above_the_capacity_the_oldest_marks_are_forgotten_and_the_newest_kept()
    {
        var marks = new InMemoryUnreachableRecipients(capacity: 100);

        for (var person = 0; person < 1000; person++)
        {
            marks.Mark("telegram", $"{person}", UnreachableReason.Blocked);
        }

        Assert.InRange(marks.Count, 90, 100);
        Assert.Null(marks.ReasonFor("telegram", "0"));
        Assert.Equal(UnreachableReason.Blocked, marks.ReasonFor("telegram", "999"));
    }

    [Fact]
    public void A_mark_set_again_counts_as_new_and_outlives_older_ones()
    {
        var marks = new InMemoryUnreachableRecipients(capacity: 10);
        marks.Mark("viber", "first", UnreachableReason.Left);
        for (var person = 0; person < 9; person++)
        {
            marks.Mark("viber", $"{person}", UnreachableReason.Left);
        }

        marks.Mark("viber", "first", UnreachableReason.Left);
        marks.Mark("viber", "overflow", UnreachableReason.Left);

        Assert.Equal(UnreachableReason.Left, marks.ReasonFor("viber", "first"));
        Assert.Null(marks.ReasonFor("viber", "0"));
        Assert.True(marks.Clear("viber", "first"));
        Assert.False(marks.Clear("viber", "first"));
    }
}
