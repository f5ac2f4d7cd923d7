using IntegrationBot.Handoff.Office;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Queue;

/// <summary>Closes requests nobody claimed within the configured office-open time, and active conversations whose user went silent.</summary>
public sealed partial class HandoffTimeoutService(
    HandoffQueue queue,
    OfficeHours office,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffTimeoutService> logger) : BackgroundService
{
    /// <summary>One pass over the open requests; returns how many were closed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = 0;
        foreach (var request in await queue.ListAsync(HandoffStatus.Waiting, cancellationToken))
        {
            if (office.OpenTimeBetween(request.CreatedAt, now) >= options.Value.UnclaimedTimeout
                && (await queue.TimeOutAsync(request.Id, HandoffTimeoutReason.Unclaimed, cancellationToken)).Succeeded)
            {
                closed++;
            }
        }

        foreach (var request in await queue.ListAsync(HandoffStatus.Active, cancellationToken))
        {
            var lastActivity = new[] { request.LastUserActivityAt, request.ClaimedAt ?? default, request.LastCounselorMessageAt ?? default }.Max();
            if (now - lastActivity >= options.Value.SilentUserTimeout
                && (await queue.TimeOutAsync(request.Id, HandoffTimeoutReason.UserSilent, cancellationToken)).Succeeded)
            {
                closed++;
            }
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handoff timeout sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
