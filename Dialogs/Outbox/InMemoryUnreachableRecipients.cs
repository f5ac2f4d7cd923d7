using System.Collections.Concurrent;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>
/// Process-local marks. Kept in memory on purpose: the mark is learned again from the network's own answer (Telegram's
/// 403, Viber's status 6 or its <c>unsubscribed</c> event), so after a restart at most one send per person finds out
/// again, and no storage format or erasure path has to carry it.
/// </summary>
public sealed class InMemoryUnreachableRecipients : IUnreachableRecipients
{
    private readonly ConcurrentDictionary<(string Channel, string Conversation), string> _marks = new();

    public string? ReasonFor(string channelId, string conversationId) =>
        _marks.TryGetValue((channelId, conversationId), out var reason) ? reason : null;

    public void Mark(string channelId, string conversationId, string reason) => _marks[(channelId, conversationId)] = reason;

    public bool Clear(string channelId, string conversationId) =>
        !_marks.IsEmpty && _marks.TryRemove((channelId, conversationId), out _);
}
