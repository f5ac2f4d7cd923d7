using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Notifications;

/// <summary>
/// One dedicated connection per instance that LISTENs on every handler's channel and hands each notification to its
/// handler. Reconnects after a lost connection; a notification missed meanwhile only delays a live update, because
/// consoles refetch on the next change and Direct Line clients also poll or reconnect with their watermark, and each
/// handler drops what it kept from notifications (<see cref="IPostgresNotificationHandler.Reconnected"/>).
/// </summary>
public sealed partial class PostgresNotificationListener(
    PostgresDatabase database,
    IEnumerable<IPostgresNotificationHandler> handlers,
    TimeProvider time,
    ILogger<PostgresNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, IPostgresNotificationHandler> _handlers = handlers.ToDictionary(h => h.Channel, StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTENs are in place (tests wait for it before making changes).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_handlers.Count == 0)
        {
            _listening.TrySetResult();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenDedicatedAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
                foreach (var channel in _handlers.Keys)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                foreach (var handler in _handlers.Values)
                {
                    handler.Reconnected();
                }

                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Any failure (database restart, network, auth) must not stop the host: log and reconnect.
                LogListenFailed(logger, ex);
                try
                {
                    await Task.Delay(ReconnectDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (!_handlers.TryGetValue(channel, out var handler))
        {
            return;
        }

        try
        {
            handler.Handle(payload);
        }
        catch (Exception ex)
        {
            // A bad payload must not break the connection's read loop for every later notification.
            LogHandlerFailed(logger, channel, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL LISTEN connection lost; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification on channel {Channel} could not be handled")]
    private static partial void LogHandlerFailed(ILogger logger, string channel, Exception exception);
}
