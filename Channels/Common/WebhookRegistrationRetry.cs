namespace IntegrationBot.Channels.Common;

/// <summary>
/// Registers a webhook with a remote chat service until the service accepts it. The service may be unreachable when the
/// host starts, and the host must start anyway, so failures are retried in the background, waiting longer after each
/// one (5 s, 20 s, 45 s, … and at most 5 minutes) so a long outage is not hammered.
/// </summary>
public static class WebhookRegistrationRetry
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (the first is 1).</summary>
    public static TimeSpan WaitAfter(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, 5.0 * attempt * attempt));

    /// <summary>
    /// Calls <paramref name="register"/> until it returns true or <paramref name="stoppingToken"/> is cancelled;
    /// an exception from it (other than a cancellation) is handed to <paramref name="failed"/> with the attempt number
    /// and counts as a failed attempt.
    /// </summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> register,
        Action<int, Exception> failed,
        TimeProvider time,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(failed);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (await register(stoppingToken))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(attempt, ex);
            }

            await Task.Delay(WaitAfter(attempt), time, stoppingToken);
        }
    }
}
