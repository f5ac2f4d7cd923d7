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
        if (!options.Value.AcceptsWebhook)
        {
            return;
        }

        if (channels.Value.WebhookUrl(TelegramWebhookEndpoint.Path) is not { } url)
        {
            // The channel is on and would wait for updates that never come: the only trace the operator gets.
            TelegramLog.WebhookNotRegistered(logger);
            return;
        }

        await WebhookRegistrationRetry.RunAsync(
            async ct =>
            {
                await clients.Create().SetWebhook(url.AbsoluteUri, allowedUpdates: AllowedUpdates,
                    secretToken: options.Value.WebhookSecret, cancellationToken: ct);
                TelegramLog.WebhookRegistered(logger, url);
                return true;
            },
            (attempt, ex) => TelegramLog.WebhookRegistrationFailed(logger, attempt, ex),
            time,
            stoppingToken);
    }
}
