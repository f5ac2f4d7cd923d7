namespace IntegrationBot.Channels.Common;

/// <summary>Remembers recent inbound ids so a redelivered update is acknowledged without a second turn.</summary>
/// <remarks>An id counts as seen only after its turn completed; a failed turn is forgotten so the redelivery runs it.
/// This is the fast in-process guard; the runtime's turn commit keeps the durable exactly-once record.</remarks>
public sealed class InboundDeduplicator(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _done = [];
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _running = [];

    /// <summary>True when the caller should process <paramref name="id"/>; false for a repeat or one still running.</summary>
    public bool TryBegin(string id)
    {
        lock (_gate)
        {
            return !_done.Contains(id) && _running.Add(id);
        }
    }

    public void Complete(string id)
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

    public void Abandon(string id)
    {
        lock (_gate)
        {
            _running.Remove(id);
        }
    }
}
