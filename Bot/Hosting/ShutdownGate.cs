namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// Counts the chat requests in progress and, once closed for shutdown, turns new ones away (503) so clients retry
/// against the next instance while the running turns finish.
/// </summary>
public sealed class ShutdownGate
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private int _running;
    private bool _closed;

    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    /// <summary>Cancelled when shutdown begins, for work that should stop waiting then (held deliveries, open streams).</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>Admits a request unless shutdown began; an admitted request must call <see cref="Leave"/>.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _running++;
            return true;
        }
    }

    public void Leave()
    {
        lock (_lock)
        {
            _running--;
            if (_closed && _running == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new requests from now on; the task completes when the admitted ones have left.</summary>
    public Task CloseAsync()
    {
        lock (_lock)
        {
            _closed = true;
            if (_running == 0)
            {
                _idle.TrySetResult();
            }
        }

        _closing.Cancel();
        return _idle.Task;
    }
}
