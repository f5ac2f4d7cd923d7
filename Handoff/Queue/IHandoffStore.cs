using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Handoff.Queue;

/// <summary>Persistence of handoff requests with optimistic concurrency on <see cref="HandoffRequest.Version"/>.</summary>
public interface IHandoffStore : IUserDataEraser, IRetentionPurgeable
{
    Task<HandoffRequest?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<HandoffRequest?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Requests with the given status (all when null), oldest first.</summary>
    Task<IReadOnlyList<HandoffRequest>> ListAsync(HandoffStatus? status, CancellationToken cancellationToken);

    Task<IReadOnlyList<HandoffRequest>> ListCreatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    Task InsertAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="updated"/> with Version+1 only if the stored version still equals updated.Version;
    /// returns the stored request, or null when another writer got there first.</summary>
    Task<HandoffRequest?> TryUpdateAsync(HandoffRequest updated, CancellationToken cancellationToken);

    /// <summary>Per-day counts kept after retention removed the requests themselves (no text, no user ids).</summary>
    Task<IReadOnlyList<HandoffDailyCount>> DailyCountsAsync(DateOnly from, CancellationToken cancellationToken);
}
