using IntegrationBot.Channels.DirectLine;

namespace IntegrationBot.Channels.Tests.DirectLine;

/// <summary>Issue 13.9: the wake-ups of web chat streams are forgotten when the streams end, without missing an append.</summary>
public sealed class ConversationSignalsTests
{
    [Fact]
    public void A_conversation_whose_streams_ended_without_another_append_is_forgotten()
    {
        var signals = new ConversationSignals();
        var watches = Enumerable.Range(0, 1000).Select(i =>
        {
            var watch = signals.Watch($"c{i}");
            _ = signals.NextAppendAsync($"c{i}");
            return watch;
        }).ToList();
        Assert.Equal(1000, signals.Count);

        watches.ForEach(w => w.Dispose());

        Assert.Equal(0, signals.Count);
    }

    [Fact]
    public async Task A_stream_still_watching_is_woken_after_another_stream_of_its_conversation_ended()
    {
        var signals = new ConversationSignals();
        using var staying = signals.Watch("c");
        var leaving = signals.Watch("c");
        var waiting = signals.NextAppendAsync("c");

        leaving.Dispose();
        leaving.Dispose(); // disposing twice releases once
        signals.Appended("c");

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var next = signals.NextAppendAsync("c");
        Assert.False(next.IsCompleted);
        signals.Appended("c");
        await next.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_wait_without_a_watch_is_woken_and_then_forgotten_by_the_next_append()
    {
        var signals = new ConversationSignals();
        var waiting = signals.NextAppendAsync("c");

        signals.Appended("c");

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(0, signals.Count);
    }
}
