using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class TimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HandoffOptions Options => new() { UnclaimedTimeout = TimeSpan.FromHours(1), SilentUserTimeout = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task Unclaimed_time_counts_only_office_hours()
    {
        // Friday 27 Nov 2026 14:30 CET, half an hour before closing.
        using var world = new HandoffWorld(new DateTimeOffset(2026, 11, 27, 13, 30, 0, TimeSpan.Zero), Options);
        var ticket = await world.EnqueueAsync("late");

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 20, 0, TimeSpan.Zero)); // Monday 08:20: 50 open minutes
        Assert.Equal(0, await world.Timeouts.SweepAsync(Ct));
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 31, 0, TimeSpan.Zero)); // Monday 08:31: 61 open minutes
        Assert.Equal(1, await world.Timeouts.SweepAsync(Ct));

        var request = await world.Queue.GetAsync(ticket.RequestId, Ct);
        Assert.Equal((HandoffStatus.Closed, "timeout"), (request!.Status, request.Outcome));
        Assert.Equal(["late timed out: Unclaimed"], world.Messenger.Sent);
    }

    [Fact]
    public async Task Silent_user_in_an_active_conversation_times_out_and_activity_resets_the_clock()
    {
        using var world = new HandoffWorld(options: Options);
        var ticket = await world.EnqueueAsync("quiet");
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);

        world.Clock.Advance(TimeSpan.FromMinutes(20));
        await world.Queue.RelayUserMessageAsync(ticket.RequestId, "still here", Ct);
        world.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await world.Timeouts.SweepAsync(Ct));
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await world.Timeouts.SweepAsync(Ct));

        Assert.Equal("timeout", (await world.Queue.GetAsync(ticket.RequestId, Ct))!.Outcome);
        Assert.Contains("quiet timed out: UserSilent", world.Messenger.Sent);
        Assert.Equal(0, await world.Timeouts.SweepAsync(Ct));
    }
}
