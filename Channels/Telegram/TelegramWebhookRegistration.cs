using IntegrationBot.Channels.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace IntegrationBot.Channels.Telegram;

/// <summary>At start, points Telegram at <c>{PublicBaseUrl}/api/telegram</c> with our secret; retried in the background.</summary>
public sealed class TelegramWebhookRegistration(
    TelegramClientFactory clients,
    IOptions<TelegramOptions> options,
    IOptions<ChannelsOptions> channels,
    TimeProvider time,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AcceptsWebhook || channels.Value.WebhookUrl(TelegramWebhookEndpoint.Path) is not { } url)
        {
            return;
        }
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await clients.Create().SetWebhook(url.AbsoluteUri, allowedUpdates: AllowedUpdates,
                    secretToken: options.Value.WebhookSecret, cancellationToken: stoppingToken);
                TelegramLog.WebhookRegistered(logger, url);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TelegramLog.WebhookRegistrationFailed(logger, attempt, ex);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 5 * attempt * attempt)), time, stoppingToken);
            }
        }
    }
}
