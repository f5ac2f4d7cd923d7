using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// <see cref="ITurnSessions"/> from the parts: <see cref="IConversationLock"/>, then <see cref="ITurnStore"/> for the
/// inbound check and the commit; state is read by each scope on first use (LiteDB and memory: no round trips to save).
/// </summary>
public sealed class StoreTurnSessions(IConversationLock conversationLock, ITurnStore turnStore) : ITurnSessions
{
    public async Task<ITurnSession> BeginAsync(string conversationKey, string? inboundKey, IReadOnlyList<string> stateKeys, CancellationToken cancellationToken)
    {
        var held = await conversationLock.AcquireAsync(conversationKey, cancellationToken);
        try
        {
            var processed = inboundKey is not null && await turnStore.IsProcessedAsync(inboundKey, cancellationToken);
            return new Session(held, turnStore, processed);
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private sealed class Session(IAsyncDisposable held, ITurnStore turnStore, bool processed) : ITurnSession
    {
        public bool AlreadyProcessed => processed;

        public IReadOnlyDictionary<string, StoredItem?>? PrefetchedState => null;

        public Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken) => turnStore.CommitAsync(commit, cancellationToken);

        public ValueTask DisposeAsync() => held.DisposeAsync();
    }
}
