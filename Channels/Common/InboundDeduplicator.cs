namespace IntegrationBot.Channels.Common;

/// <summary>Remembers recent inbound ids so a redelivered update is acknowledged without a second turn.</summary>
/// <remarks>An id counts as seen only after its turn completed. A redelivery that arrives while the first turn still runs
/// waits for it (Telegram and Viber redeliver at once when the first connection was reset): if the turn completes the
/// redelivery is acknowledged as a duplicate, if it fails the redelivery takes it over and runs it. This is the fast
/// in-process guard; the runtime's turn commit keeps the durable exactly-once record.</remarks>
public sealed class InboundDeduplicator(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _done = [];
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, Task> _running = [];

    /// <summary>Runs <paramref name="turn"/> for <paramref name="id"/> unless it already completed; while another call
    /// runs it, waits for that one first.</summary>
    /// <param name="cancellationToken">Stops only the wait for another call's turn, never a turn.</param>
    /// <returns>False for a repeat, which is not run. Whatever <paramref name="turn"/> throws is rethrown.</returns>
    public async Task<bool> RunOnceAsync(string id, Func<Task> turn, CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource? mine = null;
            Task? other;
            lock (_gate)
            {
                if (_done.Contains(id))
                {
                    return false;
                }

                if (!_running.TryGetValue(id, out other))
                {
                    mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _running.Add(id, mine.Task);
                }
            }

            if (mine is not null)
            {
                await RunAsync(id, turn, mine);
                return true;
            }

            // The other call's task never faults; afterwards the id is either done or free to take over.
            await other!.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync(string id, Func<Task> turn, TaskCompletionSource running)
    {
        var completed = false;
        try
        {
            await turn();
            completed = true;
        }
        finally
        {
            Finish(id, completed);
            running.SetResult();
        }
    }

    private void Finish(string id, bool completed)
    {
        lock (_gate)
        {
            _running.Remove(id);
            if (completed && _done.Add(id))
            {
                _order.Enqueue(id);
                while (_order.Count > capacity)
                {
                    _done.Remove(_order.Dequeue());
                }
            }
        }
    }
}
