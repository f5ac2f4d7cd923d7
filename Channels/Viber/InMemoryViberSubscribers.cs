using System.Collections.Concurrent;

namespace IntegrationBot.Channels.Viber;

/// <summary>Process-local record of unsubscribed users; Viber's status 6 also marks them, so a restart self-heals.</summary>
public sealed class InMemoryViberSubscribers : IViberSubscribers
{
    private readonly ConcurrentDictionary<string, bool> _unsubscribed = new(StringComparer.Ordinal);

    public void MarkSubscribed(string userId) => _unsubscribed.TryRemove(userId, out _);

    public void MarkUnsubscribed(string userId) => _unsubscribed[userId] = true;

    public bool IsUnsubscribed(string userId) => _unsubscribed.ContainsKey(userId);
}
