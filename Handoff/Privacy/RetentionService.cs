using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Handoff.Privacy;

/// <summary>Deletes texts older than the retention period (default 90 days) from every registered store.</summary>
public sealed partial class RetentionService(
    IEnumerable<IRetentionPurgeable> stores,
    IEnumerable<IErasureCheckpoint> checkpoints,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first pass has ended, however it ended: the host trims its memory after it.</summary>
    public Task FirstPass => _firstPass.Task;

    /// <summary>One purge pass; returns how many records were removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await PurgeOnceAsync(cancellationToken);
        }
        finally
        {
            _firstPass.TrySetResult();
        }
    }

    private async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var removed = 0;
        foreach (var store in stores)
        {
            removed += await store.PurgeOlderThanAsync(cutoff, cancellationToken);
        }

        if (removed > 0)
        {
            foreach (var checkpoint in checkpoints)
            {
                checkpoint.Erased();
            }
        }

        LogPurged(logger, removed);
        return removed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new PeriodicSweep("Retention purge", options.Value.RetentionSweepInterval, time, logger)
            .RunAsync(PurgeAsync, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge removed {Count} records")]
    private static partial void LogPurged(ILogger logger, int count);
}
