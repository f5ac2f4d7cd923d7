using System.Collections.Concurrent;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Wakes the streams and long polls of a conversation when its log grows.</summary>
public sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next append to the conversation.</summary>
    public Task NextAppendAsync(string conversationId) =>
        _waiters.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Appended(string conversationId)
    {
        if (_waiters.TryRemove(conversationId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
