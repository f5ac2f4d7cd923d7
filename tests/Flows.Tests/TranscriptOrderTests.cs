using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Flows.Tests;

/// <summary>The transcript a counselor reads follows the conversation: each message before the bot's reply to it.</summary>
public sealed class TranscriptOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Seen in the console: "Thank you. Ask me anything…" stood above the "Accept" it answered. In the accepting turn the
    // person's line was stamped after the bot's lines (a later clock reading, 0.1 ms on), and lines sort by time.
    [Fact]
    public async Task In_the_turn_that_accepts_the_privacy_notice_the_persons_message_comes_before_the_reply()
    {
        // Real time moves while a turn runs: every reading of this clock is a millisecond later than the one before.
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        await using var bot = FlowHarness.Create(clock);
        await bot.StartInAsync(Language.English);
        await bot.Flow().Send("how do I open a bank account").IgnoreReplies().StartTestAsync(Ct);

        var lines = await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct);

        Assert.Equal(
            [TranscriptAuthor.User, TranscriptAuthor.Bot, TranscriptAuthor.Bot, TranscriptAuthor.User, TranscriptAuthor.Bot],
            lines.Take(5).Select(l => l.Author));
        Assert.Equal("Accept", lines[0].Text);
        Assert.Equal("how do I open a bank account", lines[3].Text);
        Assert.True(lines.Zip(lines.Skip(1)).All(pair => pair.First.At <= pair.Second.At), "lines in time order");
    }
}
