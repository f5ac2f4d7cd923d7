using System.Text.Json;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>
/// LISTENs on the handoff channel and republishes queue changes made by other instances to this instance's
/// <see cref="HandoffEvents"/>, so every counselor console stream sees them. Changes made here are skipped: the queue
/// already published them locally. Reconnects after a lost connection; a change missed meanwhile only delays an update,
/// because the console refetches the queue on the next change or reload.
/// </summary>
public sealed partial class PostgresHandoffListener(
    PostgresDatabase database,
    HandoffEvents events,
    TimeProvider time,
    ILogger<PostgresHandoffListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before changing the queue).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenDedicatedAsync(stoppingToken);
                connection.Notification += (_, e) => Republish(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{database.HandoffChannel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
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

    private void Republish(string payload)
    {
        try
        {
            var notification = JsonSerializer.Deserialize<HandoffNotification>(payload, HandoffJson.Options);
            if (notification is not null && notification.Origin != database.InstanceId)
            {
                events.Publish(notification.Change);
            }
        }
        catch (JsonException ex)
        {
            LogBadPayload(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff LISTEN connection lost; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a handoff notification that is not a queue change")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);
}
