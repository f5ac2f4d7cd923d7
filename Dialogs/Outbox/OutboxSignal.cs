namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Wakes the dispatcher when a turn committed new entries, so delivery does not wait for a polling tick.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    // 1 while a wake-up is pending. Every committed turn notifies, and under load most find one pending already: they
    // return here instead of releasing (a bounded semaphore threw SemaphoreFullException for each, ~400 a second).
    private int _pending;

    public void Notify()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0) _signal.Release();
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
            // Cleared before the dispatcher drains: a turn that commits from here on notifies again, so its entries
            // are never left waiting for the polling tick.
            Volatile.Write(ref _pending, 0);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: time to look at retries that became due.
        }
    }
}
