using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>The real store underneath, counting how often the activity log is read.</summary>
public sealed class CountingDirectLineStore(IDirectLineStore inner) : IDirectLineStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadAsync(conversationId, watermark, cancellationToken);
    }

    public Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken) =>
        inner.CreateConversationAsync(conversationId, userId, locale, cancellationToken);

    public Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken) => inner.LocaleOfAsync(conversationId, cancellationToken);

    public Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        inner.ConversationExistsAsync(conversationId, cancellationToken);

    public Task<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken) =>
        inner.AppendAsync(conversationId, activity, dedupeKey, cancellationToken);

    public Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken) => inner.DeleteConversationAsync(conversationId, cancellationToken);

    public Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken) => inner.ClearActivitiesAsync(conversationId, cancellationToken);

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.PurgeOlderThanAsync(cutoff, cancellationToken);
}
