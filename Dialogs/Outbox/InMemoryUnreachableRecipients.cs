namespace IntegrationBot.Dialogs.Outbox;

/// <summary>
/// Process-local marks. Kept in memory on purpose: the mark is learned again from the network's own answer (Telegram's
/// 403, Viber's status 6 or its <c>unsubscribed</c> event), so after a restart at most one send per person finds out
/// again, and no storage format or erasure path has to carry it.
/// </summary>
/// <remarks>Bounded: above <c>capacity</c> marks the oldest tenth is forgotten, which costs each of those people at most
/// one more send that the network refuses again.</remarks>
public sealed class InMemoryUnreachableRecipients(int capacity = 100_000) : IUnreachableRecipients
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string Conversation), (string Reason, long Order)> _marks = [];
    private long _order;

    /// <summary>Marks held in memory.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _marks.Count;
            }
        }
    }

    public string? ReasonFor(string channelId, string conversationId)
    {
        lock (_gate)
        {
            return _marks.TryGetValue((channelId, conversationId), out var mark) ? mark.Reason : null;
        }
    }

    public void Mark(string channelId, string conversationId, string reason)
    {
        lock (_gate)
        {
            _marks[(channelId, conversationId)] = (reason, ++_order);
            if (_marks.Count > capacity)
            {
                foreach (var oldest in _marks.OrderBy(m => m.Value.Order).Take(Math.Max(1, capacity / 10)).Select(m => m.Key).ToList())
                {
                    _marks.Remove(oldest);
                }
            }
        }
    }

    public bool Clear(string channelId, string conversationId)
    {
        lock (_gate)
        {
            return _marks.Remove((channelId, conversationId));
        }
    }
}
