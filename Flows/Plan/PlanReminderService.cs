using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// Sends the plan's reminders. Every scan claims the due subscriptions (atomic across instances), and for each runs
/// a proactive turn at most once per conversation and local day (<see cref="TurnRunner.ContinueConversationOnceAsync"/>):
/// the reminder, the plan's record of it and the processed-turn id are committed together with the outbox entry, so a
/// restart or a second instance never sends it twice, and the outbox delivers it even if the channel is down.
/// </summary>
public sealed partial class PlanReminderService(
    IPlanReminderStore store,
    TurnRunner adapter,
    Func<AssistantBot> bot,
    PlanFlow plan,
    IOptions<PlanOptions> options,
    TimeProvider time,
    ILogger<PlanReminderService> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>One scan: every due conversation gets its day's check; returns how many were looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await store.ClaimDueAsync(now, Lease, BatchSize, cancellationToken);
            foreach (var subscription in due)
            {
                await CheckAsync(subscription, now, cancellationToken);
            }

            count += due.Count;
            if (due.Count < BatchSize)
            {
                return count;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScanFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAsync(ReminderSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = ReminderPlanner.NextWindowStart(now, options.Value);
        var local = TimeZoneInfo.ConvertTime(now, PlanProgress.Ljubljana).DateTime;
        if (!ReminderPlanner.InWindow(local, options.Value))
        {
            await store.RescheduleAsync(subscription.ConversationKey, next, cancellationToken);
            return;
        }

        var reference = JsonSerializer.Deserialize<ConversationReference>(subscription.ReferenceJson, ActivityJson.Options);
        if (reference is null)
        {
            await store.RemoveAsync(subscription.ConversationKey, cancellationToken);
            return;
        }

        var today = DateOnly.FromDateTime(local);
        var keep = true;
        await adapter.ContinueConversationOnceAsync(
            reference,
            $"plan-reminder-{today:yyyy-MM-dd}",
            (context, ct) => bot().RunProactiveAsync(context, async (turn, _) => keep = await plan.RemindAsync(turn, today, ct), ct),
            cancellationToken);
        if (keep)
        {
            await store.RescheduleAsync(subscription.ConversationKey, next, cancellationToken);
        }
        else
        {
            await store.RemoveAsync(subscription.ConversationKey, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan reminder scan failed; the next scan retries")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
