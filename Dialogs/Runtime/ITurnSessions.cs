using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// Opens the durable side of one turn: the conversation's lock, the inbound check and the turn's state reads, then the
/// commit. A store that can do several of these in one database round trip (PostgreSQL) implements this itself; every
/// other store gets <see cref="StoreTurnSessions"/>, which takes the lock and asks the turn store step by step.
/// </summary>
public interface ITurnSessions
{
    /// <summary>
    /// Takes the lock of <paramref name="conversationKey"/>, checks <paramref name="inboundKey"/> (null: nothing to
    /// check) and may read <paramref name="stateKeys"/> ahead; dispose the session to release the lock.
    /// </summary>
    Task<ITurnSession> BeginAsync(string conversationKey, string? inboundKey, IReadOnlyList<string> stateKeys, CancellationToken cancellationToken);
}
