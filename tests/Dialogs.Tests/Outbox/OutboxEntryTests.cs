using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Dialogs.Tests.Outbox;

/// <summary>An entry's activity is parsed once for delivery and its observer (issue 19), without changing what an entry is.</summary>
public sealed class OutboxEntryTests
{
    private static OutboxEntry Entry(string text) => new(
        "c#1", "c", 1, "webchat", ActivityJson.Serialize(new Activity { Type = ActivityTypes.Message, Text = text }),
        OutboxStatus.Pending, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_activity_is_parsed_once_and_a_copy_with_other_json_parses_its_own()
    {
        var entry = Entry("first");

        Assert.Same(entry.Activity, entry.Activity);
        Assert.Same(entry.Activity, (entry with { Attempts = 1 }).Activity);
        var other = entry with { ActivityJson = Entry("second").ActivityJson };
        Assert.Equal("second", other.Activity.Text);
        Assert.Equal("first", entry.Activity.Text);
    }

    [Fact]
    public void Parsing_does_not_change_equality()
    {
        var parsed = Entry("same");
        _ = parsed.Activity;
        var fresh = Entry("same");

        Assert.Equal(fresh, parsed);
        Assert.Equal(fresh.GetHashCode(), parsed.GetHashCode());
        Assert.NotEqual(Entry("other"), parsed);
    }
}
