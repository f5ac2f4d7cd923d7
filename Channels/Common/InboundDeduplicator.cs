namespace IntegrationBot.Channels.Common;

/// <summary>Remembers recent inbound ids so a redelivered update is acknowledged without a second turn.</summary>
/// <remarks>An id counts as seen only after its turn completed; a failed or cancelled turn is forgotten so the
/// redelivery runs it. This is the fast in-process guard; the runtime's turn commit keeps the durable exactly-once record.</remarks>
public sealed class InboundDeduplicator(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _done = [];
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _running = [];

    /// <summary>Runs <paramref name="turn"/> for <paramref name="id"/> unless it already completed or is still running.</summary>
    /// <returns>False for a repeat, which is not run. Whatever <paramref name="turn"/> throws is rethrown.</returns>
    public async Task<bool> RunOnceAsync(string id, Func<Task> turn)
    {
        if (!TryBegin(id))
        {
            return false;
        }
        try
        {
            await turn();
        }
        catch
        {
            Abandon(id);
            throw;
        }
        Complete(id);
        return true;
    }

    private bool TryBegin(string id)
    {
        lock (_gate)
        {
            return !_done.Contains(id) && _running.Add(id);
        }
    }

    private void Complete(string id)
    {
        lock (_gate)
        {
            _running.Remove(id);
            if (_done.Add(id))
            {
                _order.Enqueue(id);
                while (_order.Count > capacity)
                {
                    _done.Remove(_order.Dequeue());
                }
            }
        }
    }

    private void Abandon(string id)
    {
        lock (_gate)
        {
            _running.Remove(id);
        }
    }
}
