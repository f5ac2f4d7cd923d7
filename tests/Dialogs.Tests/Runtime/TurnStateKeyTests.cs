using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.Tests.Runtime;

public sealed class TurnStateKeyTests
{
    private sealed record Reading(string Text);

    private static readonly TurnStateKey<Reading> ReadingKey = new("test.reading");

    [Fact]
    public void A_value_set_under_a_key_reads_back_typed_in_the_same_turn_only()
    {
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Message, Text = "zdravo" });
        var other = new TurnContext(new Activity { Type = ActivityTypes.Message, Text = "zdravo" });

        Assert.Null(ReadingKey.Get(turn));
        ReadingKey.Set(turn, new Reading("zdravo"));

        Assert.Equal(new Reading("zdravo"), ReadingKey.Get(turn));
        Assert.Null(ReadingKey.Get(other));
    }

    [Fact]
    public void Two_keys_with_different_names_keep_separate_values()
    {
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Message });
        var second = new TurnStateKey<Reading>("test.second");

        ReadingKey.Set(turn, new Reading("prvi"));
        second.Set(turn, new Reading("drugi"));

        Assert.Equal("prvi", ReadingKey.Get(turn)!.Text);
        Assert.Equal("drugi", second.Get(turn)!.Text);
    }
}
