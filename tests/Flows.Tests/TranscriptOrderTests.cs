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

    // Seen in the console: a person who came back with a second request had their first counselor's replies shown as
    // "bot" lines, as if the bot had said "Maja (counselor): …". The kept transcript now says who wrote them.
    [Fact]
    public async Task A_second_request_shows_the_first_counselors_replies_as_a_counselors()
    {
        await using var bot = FlowHarness.Create();
        var first = await bot.WithCounselorAsync(Language.English);
        await bot.Queue.SendCounselorMessageAsync(first.Id, "Maja", "Bring your passport on Monday.", Ct);
        await bot.DeliverAsync();
        await bot.Queue.CloseAsync(first.Id, "Maja", "resolved", Ct);
        await bot.DeliverAsync();

        await bot.SendAsync("/counselor");

        var second = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.NotEqual(first.Id, second.Id);
        var reply = Assert.Single(second.Transcript, e => e.Text.Contains("Bring your passport on Monday.", StringComparison.Ordinal));
        Assert.Equal(TranscriptAuthor.Counselor, reply.Author);
        Assert.DoesNotContain(second.Transcript, e => e.Author == TranscriptAuthor.Counselor && !e.Text.Contains("passport", StringComparison.Ordinal));
    }
}
