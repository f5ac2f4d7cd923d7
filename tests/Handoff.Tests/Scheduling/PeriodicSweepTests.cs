using System.Threading.Channels;
using IntegrationBot.Handoff.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Handoff.Tests.Scheduling;

public sealed class PeriodicSweepTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    // Its timers fire only when the test advances it, so periodic work is stepped instead of waited for.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger _logger = new();
    private readonly Channel<int> _passes = Channel.CreateUnbounded<int>();
    private int _passCount;

    private PeriodicSweep Sweep() => new("Test sweep", Interval, _time, _logger);

    [Fact]
    public async Task First_pass_runs_at_once_and_the_next_on_each_tick_of_the_interval()
    {
        using var stop = new CancellationTokenSource();
        var running = Sweep().RunAsync(Pass(), stop.Token);

        Assert.Equal(1, await NextPassAsync());
        // A timer fires inside Advance or not at all: one second short of the interval, no pass can be on its way.
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(_passes.Reader.TryRead(out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await NextPassAsync());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Failed_pass_is_logged_without_stopping_the_sweep()
    {
        using var stop = new CancellationTokenSource();
        var running = Sweep().RunAsync(Pass(failOn: 1), stop.Token);

        Assert.Equal(1, await NextPassAsync());
        _time.Advance(Interval);
        Assert.Equal(2, await NextPassAsync());

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Test sweep failed; the next pass runs in 00:05:00", entry.Message);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancellation_inside_a_pass_that_is_not_the_host_stopping_counts_as_a_failed_pass()
    {
        using var stop = new CancellationTokenSource();
        var running = Sweep().RunAsync(Pass(failOn: 1, failure: new OperationCanceledException("remote call timed out")), stop.Token);

        Assert.Equal(1, await NextPassAsync());
        _time.Advance(Interval);
        Assert.Equal(2, await NextPassAsync());

        Assert.IsType<OperationCanceledException>(Assert.Single(_logger.Entries).Exception);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stopping_the_host_during_a_pass_ends_the_sweep_without_logging_a_failure()
    {
        using var stop = new CancellationTokenSource();
        var entered = new TaskCompletionSource();
        var running = Sweep().RunAsync(async ct =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        }, stop.Token);

        await entered.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Empty(_logger.Entries);
    }

    private Func<CancellationToken, Task> Pass(int failOn = 0, Exception? failure = null) => _ =>
    {
        var number = Interlocked.Increment(ref _passCount);
        _passes.Writer.TryWrite(number);
        return number == failOn
            ? Task.FromException(failure ?? new InvalidOperationException("store unavailable"))
            : Task.CompletedTask;
    };

    private async Task<int> NextPassAsync() =>
        await _passes.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Deadline);

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingLogger : ILogger
    {
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add(new LogEntry(logLevel, formatter(state, exception), exception));
            }
        }
    }
}
