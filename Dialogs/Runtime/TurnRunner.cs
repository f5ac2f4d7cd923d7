using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// Runs every turn: each channel's inbound activities and the proactive ones (a counselor's reply, a reminder). A turn
/// runs under its conversation's lock, through the middleware to the bot; then its state changes, its replies (into the
/// outbox) and its inbound id are committed at once. A lost eTag race reruns the turn on fresh state.
/// </summary>
/// <remarks>
/// The inbound id committed with the turn is the one duplicate check: a repeated id is acknowledged without running the
/// bot, whenever it comes (after a restart, on another instance). A repeat that arrives while the first delivery's turn
/// still runs queues on the conversation lock, so it waits for that turn and then finds it committed, or, if it failed,
/// runs it in its place; no channel needs a check of its own.
/// </remarks>
public sealed partial class TurnRunner(BotRuntime runtime)
{
    private BotRuntime Runtime { get; } = runtime;

    /// <summary>Runs one incoming activity as a turn.</summary>
    public Task<TurnResult> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var inboundKey = activity.Id is { Length: > 0 } id ? $"{activity.ChannelId}|{id}" : null;
        // The person wrote: they unblocked the bot or subscribed again, so replies may go out. Only a message says so:
        // Viber announces a chat opened by a person who has not subscribed, and still refuses messages to them.
        if (activity.Type == ActivityTypes.Message && activity.ChannelId is { } channel && activity.Conversation?.Id is { } conversation)
        {
            Runtime.Unreachable?.Clear(channel, conversation);
        }

        return RunTurnAsync(activity, inboundKey, bot.OnTurnAsync, cancellationToken);
    }

    /// <summary>Runs a proactive turn in a stored conversation (e.g. to relay a counselor's reply); replies go through the outbox too.</summary>
    public Task<TurnResult> ContinueConversationAsync(
        ConversationReference reference,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        return RunTurnAsync(reference.ToContinuationActivity(), null, callback, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ContinueConversationAsync"/>, but runs at most once per <paramref name="operationId"/> (e.g. a counselor
    /// message id), so a caller that retries after a crash does not send twice.
    /// </summary>
    public Task<TurnResult> ContinueConversationOnceAsync(
        ConversationReference reference,
        string operationId,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentNullException.ThrowIfNull(callback);
        return RunTurnAsync(reference.ToContinuationActivity(), $"{reference.ChannelId}|proactive|{operationId}", callback, cancellationToken);
    }

    private async Task<TurnResult> RunTurnAsync(
        Activity activity,
        string? inboundKey,
        Func<ITurnContext, CancellationToken, Task> callback,
        CancellationToken cancellationToken)
    {
        var conversationKey = ConversationState.KeyFor(activity);
        var stateKeys = StateKeys(activity);
        await using var session = await Runtime.Sessions.BeginAsync(conversationKey, inboundKey, [.. stateKeys.Keys], cancellationToken);

        if (session.AlreadyProcessed)
        {
            LogDuplicate(Runtime.Logger, activity.ChannelId);
            return TurnResult.Duplicate;
        }

        for (var attempt = 1; ; attempt++)
        {
            var context = new TurnContext(activity);
            Preload(context, stateKeys, session.PrefetchedState);
            await Runtime.Middleware.RunAsync(context, callback, cancellationToken);

            var changes = new Dictionary<string, StoredItem>(StringComparer.Ordinal);
            foreach (var state in Runtime.States)
            {
                if (state.CollectChanges(context) is { } change)
                {
                    changes[change.Key] = change.Value;
                }
            }

            var commit = new TurnCommit(conversationKey, inboundKey, changes, Runtime.SplitIntoMessages(context.BufferedActivities));
            switch (await session.CommitAsync(commit, cancellationToken))
            {
                case CommitOutcome.Committed:
                    if (commit.Outgoing.Count > 0)
                    {
                        Runtime.OutboxSignal.Notify();
                    }

                    return new TurnResult(TurnStatus.Processed, [.. context.BufferedActivities.Select(a => a.Id!)]);
                case CommitOutcome.Duplicate:
                    return TurnResult.Duplicate;
                case CommitOutcome.Conflict when attempt < Runtime.MaxCommitAttempts:
                    LogRetry(Runtime.Logger, activity.ChannelId, attempt);
                    break;
                default:
                    throw new StorageConflictException(
                        $"A turn in channel '{activity.ChannelId}' lost the eTag race {attempt} times; giving up so the channel redelivers it.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated inbound activity on {ChannelId} acknowledged and skipped")]
    private static partial void LogDuplicate(ILogger logger, string? channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn on {ChannelId} lost an eTag race (attempt {Attempt}); rerunning on fresh state")]
    private static partial void LogRetry(ILogger logger, string? channelId, int attempt);
}
