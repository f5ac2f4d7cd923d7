using IntegrationBot.Channels.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Viber;

/// <summary>At start, registers <c>{PublicBaseUrl}/api/viber</c> with <c>set_webhook</c>; retried in the background.</summary>
public sealed class ViberWebhookRegistration(
    IViberClient client,
    IOptions<ViberOptions> options,
    IOptions<ChannelsOptions> channels,
    TimeProvider time,
    ILogger<ViberWebhookRegistration> logger) : BackgroundService
{
    public static readonly IReadOnlyList<string> EventTypes =
        [ViberCallback.Delivered, ViberCallback.Seen, ViberCallback.Failed, ViberCallback.Subscribed,
         ViberCallback.Unsubscribed, ViberCallback.ConversationStarted];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled || channels.Value.WebhookUrl(ViberWebhookEndpoint.Path) is not { } url)
        {
            return;
        }

        await WebhookRegistrationRetry.RunAsync(
            async ct =>
            {
                var answer = await client.SetWebhookAsync(url, EventTypes, ct);
                if (answer.IsOk)
                {
                    ViberLog.WebhookRegistered(logger, url);
                    return true;
                }

                ViberLog.WebhookRegistrationFailed(logger, answer.Status, null);
                return false;
            },
            (_, ex) => ViberLog.WebhookRegistrationFailed(logger, -1, ex),
            time,
            stoppingToken);
    }
}
