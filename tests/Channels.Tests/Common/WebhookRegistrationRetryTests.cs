using System.Collections.Concurrent;
using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Tests.Common;

public sealed class WebhookRegistrationRetryTests
{
    [Fact]
    public void Waits_grow_with_each_failure_up_to_five_minutes()
    {
        Assert.Equal(
            [5, 20, 45, 245, 300, 300],
            new[] { 1, 2, 3, 7, 8, 100_000 }.Select(attempt => WebhookRegistrationRetry.WaitAfter(attempt).TotalSeconds));
    }

    [Fact]
    public async Task Failures_are_reported_and_retried_until_the_service_accepts()
    {
        var time = new InstantTimers();
        var answers = new Queue<Func<bool>>([() => throw new HttpRequestException("unreachable"), () => false, () => true]);
        var failures = new List<(int Attempt, string Message)>();
        var calls = 0;

        await WebhookRegistrationRetry.RunAsync(
            _ =>
            {
                calls++;
                return Task.FromResult(answers.Dequeue()());
            },
            (attempt, ex) => failures.Add((attempt, ex.Message)),
            time,
            TestContext.Current.CancellationToken);

        Assert.Equal(3, calls);
        Assert.Equal([(1, "unreachable")], failures);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)], time.Waits);
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_retries()
    {
        using var stopping = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WebhookRegistrationRetry.RunAsync(
            _ =>
            {
                if (++calls == 2)
                {
                    stopping.Cancel();
                }

                return Task.FromResult(false);
            },
            (_, _) => { },
            new InstantTimers(),
            stopping.Token));

        Assert.Equal(2, calls);
    }

    /// <summary>Records every wait asked for and lets it pass at once.</summary>
    private sealed class InstantTimers : TimeProvider
    {
        public ConcurrentQueue<TimeSpan> Waits { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new PassedTimer();
        }

        private sealed class PassedTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
