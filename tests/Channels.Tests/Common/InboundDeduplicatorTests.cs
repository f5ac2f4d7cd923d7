using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Tests.Common;

public sealed class InboundDeduplicatorTests
{
    [Fact]
    public async Task Completed_id_is_not_run_again()
    {
        var seen = new InboundDeduplicator();
        var runs = 0;

        Assert.True(await seen.RunOnceAsync("7", () => Run(ref runs)));
        Assert.False(await seen.RunOnceAsync("7", () => Run(ref runs)));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Id_still_running_is_not_started_twice()
    {
        var seen = new InboundDeduplicator();
        var release = new TaskCompletionSource();
        var first = seen.RunOnceAsync("7", () => release.Task);

        Assert.False(await seen.RunOnceAsync("7", () => throw new InvalidOperationException("must not run")));

        release.SetResult();
        Assert.True(await first);
    }

    [Fact]
    public async Task Failed_turn_is_rethrown_and_its_redelivery_runs()
    {
        var seen = new InboundDeduplicator();
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            seen.RunOnceAsync("7", () => throw new InvalidOperationException("storage outage")));

        Assert.True(await seen.RunOnceAsync("7", () => Run(ref runs)));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Cancelled_turn_is_forgotten_so_its_redelivery_runs()
    {
        var seen = new InboundDeduplicator();
        var runs = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            seen.RunOnceAsync("7", () => Task.FromCanceled(new CancellationToken(canceled: true))));

        Assert.True(await seen.RunOnceAsync("7", () => Run(ref runs)));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Oldest_ids_are_forgotten_beyond_the_capacity()
    {
        var seen = new InboundDeduplicator(capacity: 2);
        var runs = 0;
        foreach (var id in new[] { "1", "2", "3" })
        {
            await seen.RunOnceAsync(id, () => Run(ref runs));
        }

        Assert.True(await seen.RunOnceAsync("1", () => Run(ref runs)));
        Assert.False(await seen.RunOnceAsync("3", () => Run(ref runs)));
        Assert.Equal(4, runs);
    }

    private static Task Run(ref int runs)
    {
        runs++;
        return Task.CompletedTask;
    }
}
