using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>The durable activity log of web chat conversations; the watermark is the position in that log.</summary>
public interface IDirectLineStore
{
    /// <summary>Creates the conversation if it does not exist; false when it already existed.</summary>
    Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken);

    /// <summary>The locale the page chose when the conversation was opened, if any.</summary>
    Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken);

    Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends an activity, giving it the id <c>{conversationId}|{seq}</c>; an activity with the same
    /// <paramref name="dedupeKey"/> already in the log is returned instead of being appended twice. <c>null</c> when the
    /// conversation does not exist: only <see cref="CreateConversationAsync"/> creates one, so a reply delivered just after
    /// the person erased the conversation never brings it back.</summary>
    Task<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the user's message that starts a turn, like <see cref="AppendAsync"/>; the caller acknowledges it only once
    /// <see cref="TurnEcho.Durable"/> completes. By default it is appended (durably) first; a store that owns its file alone
    /// (LiteDB) instead gives it its place now and writes it in the transaction of the turn's commit (issue 19).
    /// <c>null</c> when the conversation does not exist (erased).
    /// </summary>
    async Task<TurnEcho?> AppendBeforeTurnAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken) =>
        await AppendAsync(conversationId, activity, dedupeKey, cancellationToken) is { } appended
            ? new TurnEcho(appended, Task.FromResult(appended))
            : null;

    /// <summary>Activities after <paramref name="watermark"/> (all when null), oldest first, and the new watermark.</summary>
    Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken);

    /// <summary>Erases a conversation and its activities (right to erasure).</summary>
    Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Erases a conversation's activities but keeps the conversation and its sequence, so the person can go on
    /// chatting and what is appended next still comes after the client's watermark; returns how many were erased.</summary>
    Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes activities older than <paramref name="cutoff"/> (retention); returns how many.</summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
