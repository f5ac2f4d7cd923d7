using Microsoft.Extensions.Logging;

namespace IntegrationBot.Handoff.Scheduling;

/// <summary>Runs a sweep at once and then every <c>interval</c> on <see cref="TimeProvider"/> time until the host stops.</summary>
/// <remarks>A failed pass is logged (exception only, no record contents) and the next pass runs on schedule: one bad
/// record or a database hiccup must not end retention or timeouts until the next restart.</remarks>
internal sealed partial class PeriodicSweep(string name, TimeSpan interval, TimeProvider time, ILogger logger)
{
    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then throws <see cref="OperationCanceledException"/>.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, name, interval, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} failed; the next pass runs in {Interval}")]
    private static partial void LogPassFailed(ILogger logger, string sweep, TimeSpan interval, Exception exception);
}
