using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Development without a public URL (<c>Mode=polling</c>): long-polls <c>getUpdates</c>.</summary>
/// <remarks>The offset moves past an update only after it was handled, so a failed turn is fetched again.</remarks>
public sealed class TelegramPollingService(
    TelegramClientFactory clients,
    TelegramUpdateHandler handler,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const int LongPollSeconds = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled || !options.Value.IsPolling)
        {
            return;
        }
        var client = clients.Create(forPolling: true);
        int? offset = null;
        var failures = 0;
        var webhookDeleted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookDeleted)
                {
                    // A registered webhook makes getUpdates fail with 409 Conflict.
                    await client.DeleteWebhook(cancellationToken: stoppingToken);
                    webhookDeleted = true;
                }
                var updates = await client.GetUpdates(offset, 100, LongPollSeconds,
                    TelegramWebhookRegistration.AllowedUpdates, stoppingToken);
                foreach (var update in updates)
                {
                    if (await handler.HandleAsync(update, stoppingToken) == TelegramUpdateOutcome.Failed)
                    {
                        throw new InvalidOperationException($"Update {update.Id} was not processed.");
                    }
                    offset = update.Id + 1;
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, ++failures)));
                TelegramLog.PollingFailed(logger, delay, ex);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
