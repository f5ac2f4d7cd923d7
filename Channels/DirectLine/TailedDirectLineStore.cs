using System.Text.Json;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Puts <see cref="RecentActivities"/> in front of a Direct Line store: every append is recorded in memory as it is
/// committed, erasure and retention empty the memory too, and "does the conversation exist" is answered from memory for
/// recently active conversations. Reads still go to the store; streams and polls ask <see cref="RecentActivities"/> first.
/// </summary>
/// <remarks>With a store shared by several instances (PostgreSQL) the store's host must also feed the memory with the
/// other instances' appends and erasures (its notifications do); otherwise they would be missing here.</remarks>
public sealed class TailedDirectLineStore(IDirectLineStore inner, RecentActivities recent) : IDirectLineStore
{
    public async Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        // Known here, so it exists (an erasure drops it from memory): the page opening the conversation its token was
        // issued for a moment ago (the token endpoint created it) costs the store nothing, as "exists" does below.
        if (recent.Knows(conversationId))
        {
            return false;
        }

        var created = await inner.CreateConversationAsync(conversationId, userId, locale, cancellationToken);
        if (created)
        {
            recent.Started(conversationId);
        }

        return created;
    }

    public Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken) =>
        inner.LocaleOfAsync(conversationId, cancellationToken);

    public Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        recent.Knows(conversationId) ? Task.FromResult(true) : inner.ConversationExistsAsync(conversationId, cancellationToken);

    public async Task<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        var erasures = recent.Erasures;
        if (await ForgetOnFailureAsync(conversationId, () => inner.AppendAsync(conversationId, activity, dedupeKey, cancellationToken)) is not { } appended)
        {
            // The conversation is gone (erased): nothing of it may stay in memory.
            recent.Forget(conversationId);
            return null;
        }

        Record(conversationId, appended, erasures);
        return appended;
    }

    public async Task<TurnEcho?> AppendBeforeTurnAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        var erasures = recent.Erasures;
        if (await ForgetOnFailureAsync(conversationId, () => inner.AppendBeforeTurnAsync(conversationId, activity, dedupeKey, cancellationToken)) is not { } echo)
        {
            recent.Forget(conversationId);
            return null;
        }

        if (echo.Durable.IsCompletedSuccessfully)
        {
            Record(conversationId, echo.Durable.Result, erasures);
            return echo;
        }

        // Written with the turn's commit: the tail gets it once durable (a reply delivered before waits aside for it).
        return echo with { Durable = RecordWhenDurableAsync(conversationId, echo.Durable, erasures) };
    }

    public Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken) =>
        inner.ReadAsync(conversationId, watermark, cancellationToken);

    private async Task<AppendedActivity> RecordWhenDurableAsync(string conversationId, Task<AppendedActivity> durable, long erasures)
    {
        var appended = await ForgetOnFailureAsync(conversationId, () => durable);
        Record(conversationId, appended, erasures);
        return appended;
    }

    /// <summary>An append that fails may or may not have been committed: the store alone can tell, so readers go there.</summary>
    private async Task<T> ForgetOnFailureAsync<T>(string conversationId, Func<Task<T>> append)
    {
        try
        {
            return await append();
        }
        catch
        {
            recent.Forget(conversationId);
            throw;
        }
    }

    /// <summary>Records a line in memory, unless an erasure ran since <paramref name="erasuresBefore"/> was read (before
    /// the store was asked): the erasure may have forgotten the conversation before this line was recorded, and memory
    /// must not serve an erased conversation again, so it is forgotten now (readers go to the store, which knows).</summary>
    private void Record(string conversationId, AppendedActivity appended, long erasuresBefore)
    {
        if (appended.IsNew)
        {
            recent.Appended(conversationId, appended.Watermark, JsonSerializer.SerializeToUtf8Bytes(appended.Activity, ActivityJson.Options));
        }
        else if (appended.Watermark > 0)
        {
            // Found in the log, maybe never announced (a reply its turn's commit wrote, whose commit then failed to
            // report back): a tail held here takes it if it lacks it, instead of waiting on the gap.
            recent.Found(conversationId, appended.Watermark, () => JsonSerializer.SerializeToUtf8Bytes(appended.Activity, ActivityJson.Options));
        }

        if (recent.Erasures != erasuresBefore)
        {
            recent.Forget(conversationId);
        }
    }

    public async Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        recent.Erased(conversationId);
        await inner.DeleteConversationAsync(conversationId, cancellationToken);
        // Again: an append that raced with the erasure must not keep the conversation alive in memory.
        recent.Erased(conversationId);
    }

    public async Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken)
    {
        // Streams and polls are served from memory: the erased activities must go from there too, before and after.
        recent.Erased(conversationId);
        var cleared = await inner.ClearActivitiesAsync(conversationId, cancellationToken);
        recent.Erased(conversationId);
        return cleared;
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var purged = await inner.PurgeOlderThanAsync(cutoff, cancellationToken);
        if (purged > 0)
        {
            recent.Clear();
        }

        return purged;
    }
}
