using IntegrationBot.Bot.Cli;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// Runs the web host until it is stopped. A stop asked for while the host is still starting its services (SIGTERM from
/// systemd or docker during a slow start) cancels the start, and the service that was waiting throws; the host treats
/// that as a failure, and unhandled it aborted the process (exit 134) with the trace printed. It is a normal stop.
/// </summary>
internal static class HostRun
{
    public static async Task<int> RunAsync(WebApplication app, TextWriter error)
    {
        // Taken before the run: the host disposes its lifetime (and the token's source) when the run ends.
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await app.RunAsync();
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await error.WriteLineAsync("stopped: asked to stop before the start had finished");
            return ExitCodes.Ok;
        }
    }
}
