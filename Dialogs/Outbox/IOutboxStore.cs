namespace IntegrationBot.Dialogs.Outbox;

/// <summary>The delivery side of the outbox, used by <see cref="OutboxDispatcher"/>.</summary>
public interface IOutboxStore
{
    /// <summary>For each conversation, its oldest pending entry if that one is due; later entries wait behind it.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the next pending entry becomes due, or null when nothing is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>Removes a delivered entry.</summary>
    Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken);

    Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken);

    Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxEntry>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Removes every entry (pending or dead-lettered) of a conversation, for the person's right to erasure.</summary>
    Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken);
}
