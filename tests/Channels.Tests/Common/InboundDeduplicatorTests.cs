using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Tests.Common;

public sealed class InboundDeduplicatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Completed_id_is_not_run_again()
    {
        var seen = new InboundDeduplicator();
        var runs = 0;

        Assert.True(await seen.RunOnceAsync("7", () => Run(ref runs), Ct));
        Assert.False(await seen.RunOnceAsync("7", () => Run(ref runs), Ct));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Redelivery_of_an_id_still_running_waits_for_that_turn_and_is_not_run_again()
    {
        var seen = new InboundDeduplicator();
        var release = new TaskCompletionSource();
        var first = seen.RunOnceAsync("7", () => release.Task, Ct);

        var redelivery = seen.RunOnceAsync("7", () => throw new InvalidOperationException("must not run"), Ct);
        Assert.False(redelivery.IsCompleted); // acknowledging now would lose the message if the first turn then fails

        release.SetResult();
        Assert.True(await first);
        Assert.False(await redelivery);
    }

    [Fact]
    public async Task Redelivery_waiting_on_a_turn_that_fails_takes_the_turn_over()
    {
        var seen = new InboundDeduplicator();
        var release = new TaskCompletionSource();
        var first = seen.RunOnceAsync("7", () => release.Task, Ct);
        var runs = 0;

        var redelivery = seen.RunOnceAsync("7", () => Run(ref runs), Ct);
        release.SetException(new InvalidOperationException("storage outage"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.True(await redelivery);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Cancelling_the_wait_of_a_redelivery_leaves_the_running_turn_alone()
    {
        var seen = new InboundDeduplicator();
        var release = new TaskCompletionSource();
        var first = seen.RunOnceAsync("7", () => release.Task, Ct);
        using var hangUp = new CancellationTokenSource();

        var redelivery = seen.RunOnceAsync("7", () => Task.CompletedTask, hangUp.Token);
        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => redelivery);
        release.SetResult();
        Assert.True(await first);
        Assert.False(await seen.RunOnceAsync("7", () => throw new InvalidOperationException("must not run"), Ct));
    }

    [Fact]
    public async Task Failed_turn_is_rethrown_and_its_redelivery_runs()
    {
        var seen = new InboundDeduplicator();
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            seen.RunOnceAsync("7", () => throw new InvalidOperationException("storage outage"), Ct));

        Assert.True(await seen.RunOnceAsync("7", () => Run(ref runs), Ct));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Cancelled_turn_is_forgotten_so_its_redelivery_runs()
    {
        var seen = new InboundDeduplicator();
        var runs = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            seen.RunOnceAsync("7", () => Task.FromCanceled(new CancellationToken(canceled: true)), Ct));

        Assert.True(await seen.RunOnceAsync("7", () => Run(ref runs), Ct));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Oldest_ids_are_forgotten_beyond_the_capacity()
    {
        var seen = new InboundDeduplicator(capacity: 2);
        var runs = 0;
        foreach (var id in new[] { "1", "2", "3" })
        {
            await seen.RunOnceAsync(id, () => Run(ref runs), Ct);
        }

        Assert.True(await seen.RunOnceAsync("1", () => Run(ref runs), Ct));
        Assert.False(await seen.RunOnceAsync("3", () => Run(ref runs), Ct));
        Assert.Equal(4, runs);
    }

    private static Task Run(ref int runs)
    {
        runs++;
        return Task.CompletedTask;
    }
}
