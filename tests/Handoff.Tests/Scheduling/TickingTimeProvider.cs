namespace IntegrationBot.Handoff.Tests.Scheduling;

/// <summary>A time provider whose timers fire only when the test calls <see cref="Tick"/>, so periodic work is stepped
/// deterministically instead of waited for.</summary>
public sealed class TickingTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    public IReadOnlyList<TimeSpan> Periods => _timers.Select(t => t.Period).ToList();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }
        return timer;
    }

    /// <summary>Fires every live timer once, as if its period had elapsed.</summary>
    public void Tick()
    {
        ManualTimer[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
        }
        foreach (var timer in timers)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan period) : ITimer
    {
        private bool _disposed;

        public TimeSpan Period { get; private set; } = period;

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Period = period;
            return !_disposed;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
