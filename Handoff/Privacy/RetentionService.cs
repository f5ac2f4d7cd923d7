using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Privacy;

/// <summary>Deletes texts older than the retention period (default 90 days) from every registered store.</summary>
public sealed partial class RetentionService(
    IEnumerable<IRetentionPurgeable> stores,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>One purge pass; returns how many records were removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var removed = 0;
        foreach (var store in stores)
        {
            removed += await store.PurgeOlderThanAsync(cutoff, cancellationToken);
        }

        LogPurged(logger, removed);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPurgeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge removed {Count} records")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
