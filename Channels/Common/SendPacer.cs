namespace IntegrationBot.Channels.Common;

/// <summary>
/// Paces one channel's sends before the network has to refuse them: at most <see cref="PacingOptions.MessagesPerSecond"/>
/// overall, evenly spaced, and per chat a token bucket (<see cref="PacingOptions.PerChatBurst"/> at once, then
/// <see cref="PacingOptions.PerChatPerSecond"/>). When sends wait for the overall rate, answers to people talking now go
/// ahead of proactive ones (reminders, announcements, counselor messages after hours).
/// </summary>
/// <remarks>Permits are granted from a timer, never from a polling loop, so <see cref="TimeProvider"/> fakes drive it
/// exactly. A late timer never grants two permits at once: the next slot counts from the actual grant.</remarks>
public sealed class SendPacer
{
    private const int ForgetChatsAbove = 4096;

    private readonly PacingOptions _limits;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _interactive = new();
    private readonly Queue<TaskCompletionSource> _proactive = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _chats = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public SendPacer(PacingOptions limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        _time = time;
        _interval = TimeSpan.FromSeconds(1 / limits.MessagesPerSecond);
        _timer = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Chats with a bucket in memory: above 4,096 the chats whose bucket is full again are forgotten.</summary>
    public int Chats
    {
        get
        {
            lock (_gate)
            {
                return _chats.Count;
            }
        }
    }

    /// <summary>Completes when one message to <paramref name="chat"/> may be sent.</summary>
    /// <param name="interactive">An answer to someone talking now (goes first), not a proactive message.</param>
    public Task WaitAsync(string chat, bool interactive, CancellationToken cancellationToken)
    {
        var chatDelay = ReserveChatSlot(chat);
        return chatDelay <= TimeSpan.Zero
            ? WaitForOverallSlot(interactive, cancellationToken)
            : WaitForChatThenOverallAsync(chatDelay, interactive, cancellationToken);
    }

    private async Task WaitForChatThenOverallAsync(TimeSpan chatDelay, bool interactive, CancellationToken cancellationToken)
    {
        await Task.Delay(chatDelay, _time, cancellationToken).ConfigureAwait(false);
        await WaitForOverallSlot(interactive, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a token from the chat's bucket (it may go negative: a reservation) and says how long to wait for it.</summary>
    private TimeSpan ReserveChatSlot(string chat)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_chats.Count > ForgetChatsAbove)
            {
                ForgetIdleChats(now);
            }

            var (tokens, at) = _chats.TryGetValue(chat, out var bucket) ? bucket : (_limits.PerChatBurst, now);
            tokens = Math.Min(_limits.PerChatBurst, tokens + ((now - at).TotalSeconds * _limits.PerChatPerSecond)) - 1;
            _chats[chat] = (tokens, now);
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / _limits.PerChatPerSecond);
        }
    }

    private void ForgetIdleChats(DateTimeOffset now)
    {
        var full = TimeSpan.FromSeconds(_limits.PerChatBurst / _limits.PerChatPerSecond);
        foreach (var (chat, bucket) in _chats.Where(c => now - c.Value.At > full).ToList())
        {
            _chats.Remove(chat);
        }
    }

    private Task WaitForOverallSlot(bool interactive, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        }

        lock (_gate)
        {
            (interactive ? _interactive : _proactive).Enqueue(waiter);
        }

        Pump();
        return waiter.Task;
    }

    /// <summary>Grants the next permit if its slot has come, then sets the timer for the one after.</summary>
    private void Pump()
    {
        TaskCompletionSource? granted = null;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_nextSlot <= now && TakeNext() is { } next)
            {
                granted = next;
                _nextSlot = now + _interval;
            }

            if (_interactive.Count + _proactive.Count > 0)
            {
                var wait = _nextSlot - now;
                _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }

        granted?.TrySetResult();
    }

    private TaskCompletionSource? TakeNext()
    {
        foreach (var queue in new[] { _interactive, _proactive })
        {
            while (queue.TryDequeue(out var waiter))
            {
                // A cancelled waiter (its send gave up) does not use a slot.
                if (!waiter.Task.IsCompleted)
                {
                    return waiter;
                }
            }
        }

        return null;
    }
}
