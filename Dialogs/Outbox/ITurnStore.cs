namespace IntegrationBot.Dialogs.Outbox;

/// <summary>The durable side of a turn: exactly-once inbound processing and the atomic commit.</summary>
public interface ITurnStore
{
    Task<bool> IsProcessedAsync(string inboundKey, CancellationToken cancellationToken);

    /// <summary>Writes state, outbox entries (numbered per conversation) and the inbound key in one transaction.</summary>
    Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken);
}
