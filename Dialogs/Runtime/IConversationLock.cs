namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// Serializes turns of one conversation. The in-process <see cref="KeyedAsyncLock"/> suffices for one host; a database
/// advisory lock can replace it when several hosts share a store.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits until no other turn holds <paramref name="key"/>; dispose the result to release it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
