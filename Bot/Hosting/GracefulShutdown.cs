using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// On SIGTERM, before any service stops: refuse new chat requests, let running turns commit, then deliver the outbox
/// as far as the drain time allows. What is left stays in the database and goes out after the restart.
/// </summary>
/// <remarks>The LiteDB file is closed (and checkpointed) afterwards, when the host disposes its services.</remarks>
public sealed partial class GracefulShutdown(
    ShutdownGate gate,
    OutboxDispatcher outbox,
    IOptions<ShutdownOptions> options,
    TimeProvider time,
    ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(TimeSpan.FromSeconds(options.Value.DrainSeconds));
        try
        {
            await gate.CloseAsync().WaitAsync(drain.Token);
            var delivered = await outbox.DrainOnceAsync(drain.Token);
            LogDrained(logger, delivered, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(logger, options.Value.DrainSeconds);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown: running turns finished, {Delivered} outbox entries delivered in {Elapsed}")]
    private static partial void LogDrained(ILogger logger, int delivered, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown: drain did not finish within {Seconds} s; the rest is delivered after the restart")]
    private static partial void LogDrainTimedOut(ILogger logger, int seconds);
}
