using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>One turn's hold on its conversation, from the lock to the commit.</summary>
public interface ITurnSession : IAsyncDisposable
{
    /// <summary>The inbound id was committed before: the turn is a repeat and must not run.</summary>
    bool AlreadyProcessed { get; }

    /// <summary>
    /// State documents read with the lock, keyed by storage key; a key asked for and absent from the store maps to
    /// null. Null when the session read nothing ahead (each scope then reads its own document).
    /// </summary>
    IReadOnlyDictionary<string, StoredItem?>? PrefetchedState { get; }

    /// <summary>Commits the turn; after a <see cref="CommitOutcome.Conflict"/> the session reads fresh state before the rerun.</summary>
    Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken);
}
