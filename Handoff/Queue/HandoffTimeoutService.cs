using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Queue;

/// <summary>Closes requests nobody claimed within the configured office-open time, and active conversations whose user went silent.</summary>
public sealed class HandoffTimeoutService(
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new PeriodicSweep("Handoff timeout sweep", options.Value.SweepInterval, time, logger)
            .RunAsync(SweepAsync, stoppingToken);
}
