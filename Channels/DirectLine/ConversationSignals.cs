namespace IntegrationBot.Channels.DirectLine;

/// <summary>Wakes the streams and long polls of a conversation when its log grows.</summary>
/// <remarks>A stream holds a <see cref="Watch"/> while it runs, so a conversation whose last stream ended without another
/// append is forgotten at once instead of keeping its wake-up in memory for as long as the process runs.</remarks>
public sealed class ConversationSignals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Waiters> _waiters = new(StringComparer.Ordinal);

    /// <summary>Conversations with a wake-up in memory.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Marks the conversation as watched until the returned lease is disposed.</summary>
    public IDisposable Watch(string conversationId)
    {
        lock (_gate)
        {
            WaitersOf(conversationId).Watchers++;
        }

        return new Lease(this, conversationId);
    }

    /// <summary>A task that completes at the next append to the conversation.</summary>
    public Task NextAppendAsync(string conversationId)
    {
        lock (_gate)
        {
            return WaitersOf(conversationId).Next.Task;
        }
    }

    public void Appended(string conversationId)
    {
        TaskCompletionSource? woken = null;
        lock (_gate)
        {
            if (_waiters.TryGetValue(conversationId, out var waiters))
            {
                woken = waiters.Next;
                if (waiters.Watchers > 0)
                {
                    waiters.Next = NewSignal();
                }
                else
                {
                    _waiters.Remove(conversationId);
                }
            }
        }

        woken?.TrySetResult();
    }

    private void Unwatch(string conversationId)
    {
        lock (_gate)
        {
            if (_waiters.TryGetValue(conversationId, out var waiters) && --waiters.Watchers <= 0)
            {
                _waiters.Remove(conversationId);
            }
        }
    }

    private Waiters WaitersOf(string conversationId)
    {
        if (!_waiters.TryGetValue(conversationId, out var waiters))
        {
            waiters = new Waiters { Next = NewSignal() };
            _waiters.Add(conversationId, waiters);
        }

        return waiters;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Waiters
    {
        public required TaskCompletionSource Next { get; set; }

        public int Watchers { get; set; }
    }

    private sealed class Lease(ConversationSignals signals, string conversationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                signals.Unwatch(conversationId);
            }
        }
    }
}
