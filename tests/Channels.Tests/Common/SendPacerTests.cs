using IntegrationBot.Channels.Common;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Channels.Tests.Common;

/// <summary>Issue 17.1: sends are paced before the network has to refuse them, answers to people talking now first.</summary>
public sealed class SendPacerTests
{
    private static readonly PacingOptions Limits = new() { MessagesPerSecond = 10, PerChatPerSecond = 1, PerChatBurst = 3 };

    [Fact]
    public async Task A_burst_to_many_chats_is_spread_at_the_overall_rate()
    {
        var time = new FakeTimeProvider();
        var pacer = new SendPacer(Limits, time);
        var ct = TestContext.Current.CancellationToken;

        var sends = Enumerable.Range(0, 30).Select(chat => pacer.WaitAsync($"chat{chat}", interactive: false, ct)).ToList();

        Assert.Equal(1, sends.Count(s => s.IsCompleted));
        Step(time, TimeSpan.FromMilliseconds(950));
        Assert.Equal(10, sends.Count(s => s.IsCompleted));
        Step(time, TimeSpan.FromSeconds(2));
        await Task.WhenAll(sends);
    }

    [Fact]
    public async Task One_chat_gets_a_turns_burst_at_once_and_then_about_one_message_a_second()
    {
        var time = new FakeTimeProvider();
        var pacer = new SendPacer(Limits with { MessagesPerSecond = 1000 }, time);
        var ct = TestContext.Current.CancellationToken;

        var sends = Enumerable.Range(0, 5).Select(_ => pacer.WaitAsync("chat", interactive: true, ct)).ToList();
        // The overall rate (one per millisecond here) is not what holds them.
        Step(time, TimeSpan.FromMilliseconds(30));
        await Task.WhenAll(sends.Take(3));

        Assert.False(sends[3].IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await sends[3];
        Assert.False(sends[4].IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await sends[4];
    }

    [Fact]
    public async Task An_answer_to_someone_talking_now_goes_ahead_of_queued_announcements()
    {
        var time = new FakeTimeProvider();
        var pacer = new SendPacer(Limits, time);
        var ct = TestContext.Current.CancellationToken;
        var announcements = Enumerable.Range(0, 20).Select(chat => pacer.WaitAsync($"a{chat}", interactive: false, ct)).ToList();

        var answer = pacer.WaitAsync("talking", interactive: true, ct);
        time.Advance(TimeSpan.FromMilliseconds(150));
        await Task.Yield();

        // Granted at the next free slot, although 19 announcements were waiting before it.
        await answer;
        Assert.True(announcements.Count(a => a.IsCompleted) <= 2);
        Step(time, TimeSpan.FromSeconds(3));
        await Task.WhenAll(announcements);
    }

    /// <summary>Moves the clock in 10 ms steps, as real time passes, so each timer the pacer sets fires in turn.</summary>
    [Fact]
    public void Chats_whose_bucket_filled_up_again_are_forgotten_once_thousands_are_remembered()
    {
        var time = new FakeTimeProvider();
        var pacer = new SendPacer(Limits, time);
        var ct = TestContext.Current.CancellationToken;
        for (var chat = 0; chat < 5000; chat++)
        {
            _ = pacer.WaitAsync($"chat{chat}", interactive: false, ct);
        }

        Assert.Equal(5000, pacer.Chats);
        time.Advance(TimeSpan.FromSeconds(4)); // a bucket of 3 refilled at 1/s is full again after 3 s

        _ = pacer.WaitAsync("one more", interactive: false, ct);
        Assert.Equal(1, pacer.Chats);
    }

    private static void Step(FakeTimeProvider time, TimeSpan by)
    {
        for (var passed = TimeSpan.Zero; passed < by; passed += TimeSpan.FromMilliseconds(10))
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }
}
