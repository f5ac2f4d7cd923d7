using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>
/// Delivers outbox entries: per conversation strictly in order, conversations in parallel, with exponential backoff and
/// jitter, honouring the channel's retry-after, dead-lettering after <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    IEnumerable<IChannelSender> senders,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger,
    IUnreachableRecipients? unreachable = null,
    IDeliveryObserver? observer = null) : BackgroundService
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.ChannelId, StringComparer.Ordinal);
    private readonly OutboxOptions _options = options.Value;

    // One drain at a time, so the worker and an explicit drain (CLI, tests) never send the same entry twice.
    private readonly SemaphoreSlim _drainGate = new(1, 1);

    /// <summary>Jitter source; tests may replace it to make delays exact.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Delivers everything that is due now; returns how many entries were delivered.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken = default)
    {
        await _drainGate.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            // One delivery at a time per conversation (its head); a conversation whose delivery finished, or that got
            // new replies meanwhile, starts again at once instead of waiting for the slowest of the batch: with
            // channel pacing a long announcement must not hold up the answer to someone talking now.
            var running = new Dictionary<string, (string EntryId, Task<int> Delivery)>(StringComparer.Ordinal);
            // Each delivery names its conversation here when it ends. Waiting on this one reader, not on every running
            // delivery, keeps a pass as cheap as what finished: with a thousand people answered at once, a wait on all of
            // them (Task.WhenAny) cost a thousand continuations for every delivery that ended.
            var finished = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
            Task<bool>? anyFinished = null;
            // Cancelled on return, so a wait left pending never swallows a signal meant for the worker's own wait.
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task? newReplies = null;
            while (true)
            {
                var heads = await store.ListDueHeadsAsync(time.GetUtcNow(), cancellationToken);
                foreach (var entry in heads)
                {
                    if (!running.TryGetValue(entry.ConversationKey, out var current))
                    {
                        running[entry.ConversationKey] = (entry.Id, Reported(finished.Writer, entry.ConversationKey, Count(DeliverAsync(entry, cancellationToken))));
                    }
                    else if (current.EntryId != entry.Id)
                    {
                        // The conversation's next entry became its head while the delivery before it was finishing:
                        // deliver it right after. Skipping it would leave it leased (PostgreSQL) and undelivered until
                        // the lease ran out. The same entry again (LiteDB lists without leasing) is already on its way.
                        running[entry.ConversationKey] = (entry.Id, Reported(finished.Writer, entry.ConversationKey, ThenAsync(current.Delivery, entry, cancellationToken)));
                    }
                }

                if (running.Count == 0)
                {
                    await stopWaiting.CancelAsync();
                    if (newReplies is not null)
                    {
                        await newReplies.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    }

                    return delivered;
                }

                newReplies ??= signal.WaitAsync(_options.IdlePoll, time, stopWaiting.Token);
                anyFinished ??= finished.Reader.WaitToReadAsync(stopWaiting.Token).AsTask();
                if (await Task.WhenAny(anyFinished, newReplies) == newReplies)
                {
                    newReplies = null;
                }

                if (anyFinished.IsCompleted)
                {
                    anyFinished = null;
                }

                // A conversation may be named while its next entry, chained behind, still runs: it is named again then.
                while (finished.Reader.TryRead(out var conversation))
                {
                    if (running.TryGetValue(conversation, out var ended) && ended.Delivery.IsCompleted)
                    {
                        delivered += await ended.Delivery;
                        running.Remove(conversation);
                    }
                }
            }
        }
        finally
        {
            _drainGate.Release();
        }
    }

    private static async Task<int> Count(Task<bool> delivery) => await delivery ? 1 : 0;

    private static Task<int> Reported(ChannelWriter<string> finished, string conversation, Task<int> delivery)
    {
        delivery.ContinueWith(
            static (_, state) =>
            {
                var (writer, key) = ((ChannelWriter<string>, string))state!;
                writer.TryWrite(key);
            },
            (finished, conversation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return delivery;
    }

    private async Task<int> ThenAsync(Task<int> before, OutboxEntry entry, CancellationToken cancellationToken) =>
        await before + await Count(DeliverAsync(entry, cancellationToken));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainOnceAsync(stoppingToken);
                var next = await store.NextDueAsync(stoppingToken);
                var wait = next is { } due ? Clamp(due - time.GetUtcNow()) : _options.IdlePoll;
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDrainFailed(logger, ex);
                await signal.WaitAsync(_options.BaseDelay, time, stoppingToken);
            }
        }
    }

    private async Task<bool> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var attempts = entry.Attempts + 1;
        if (!_senders.TryGetValue(entry.ChannelId, out var sender))
        {
            await DeadLetterAsync(entry, attempts, $"no sender for channel '{entry.ChannelId}'", cancellationToken);
            return false;
        }

        var activity = entry.Activity;
        var conversationId = activity.Conversation?.Id;
        if (conversationId is not null && unreachable?.ReasonFor(entry.ChannelId, conversationId) is { } gone)
        {
            // Blocked or unsubscribed: sending would only meet the same refusal (and count against our limits).
            await DeadLetterAsync(entry, entry.Attempts, $"unreachable: {gone}", cancellationToken);
            return false;
        }

        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(activity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = DeliveryResult.Failed(ex.GetType().Name, permanent: false);
        }

        if (result.RecipientGone && conversationId is not null)
        {
            unreachable?.Mark(entry.ChannelId, conversationId, result.Reason ?? "unreachable");
            await DeadLetterAsync(entry, attempts, $"unreachable: {result.Reason}", cancellationToken);
            return false;
        }

        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                await store.MarkDeliveredAsync(entry.Id, cancellationToken);
                await ObserveAsync(entry, MessageDelivery.Delivered, null, cancellationToken);
                return true;
            case DeliveryOutcome.Failed when result.Permanent:
                await DeadLetterAsync(entry, attempts, result.Reason ?? "permanent failure", cancellationToken);
                return false;
            case var _ when attempts >= _options.MaxAttempts:
                await DeadLetterAsync(entry, attempts, result.Reason ?? result.Outcome.ToString(), cancellationToken);
                return false;
            default:
                var delay = result.Outcome == DeliveryOutcome.RetryAfter && result.Delay is { } asked ? asked : Backoff(attempts);
                LogRetry(logger, entry.ChannelId, entry.Sequence, attempts, delay);
                await store.RescheduleAsync(entry.Id, attempts, time.GetUtcNow() + delay, result.Reason, cancellationToken);
                await ObserveAsync(entry, MessageDelivery.Pending, result.Outcome == DeliveryOutcome.RetryAfter ? "rate limited" : $"retrying: {result.Reason}", cancellationToken);
                return false;
        }
    }

    private async Task DeadLetterAsync(OutboxEntry entry, int attempts, string reason, CancellationToken cancellationToken)
    {
        LogDeadLettered(logger, entry.ChannelId, entry.Sequence, attempts, reason);
        await store.DeadLetterAsync(entry.Id, attempts, reason, cancellationToken);
        await ObserveAsync(entry, MessageDelivery.Failed, reason, cancellationToken);
    }

    private async Task ObserveAsync(OutboxEntry entry, string state, string? reason, CancellationToken cancellationToken)
    {
        if (observer is null)
        {
            return;
        }

        try
        {
            await observer.ObserveAsync(entry, state, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogObserverFailed(logger, entry.ChannelId, entry.Sequence, ex);
        }
    }

    /// <summary>Base * 2^(attempt-1), capped, then scaled by a random factor in [0.5, 1) so retries of many chats spread out.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var exponential = _options.BaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential > _options.MaxDelay ? _options.MaxDelay : exponential;
        return capped * (0.5 + (Jitter() / 2));
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.IdlePoll ? _options.IdlePoll : wait;

    // Entries are logged by channel and sequence only: the conversation key contains the user's chat id.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {ChannelId}#{Sequence} not delivered (attempt {Attempts}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string channelId, long sequence, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox entry {ChannelId}#{Sequence} dead-lettered after {Attempts} attempts: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string channelId, long sequence, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {ChannelId}#{Sequence}: recording its delivery status failed")]
    private static partial void LogObserverFailed(ILogger logger, string channelId, long sequence, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox drain failed")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
