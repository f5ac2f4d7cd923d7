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
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var answer = await client.SetWebhookAsync(url, EventTypes, stoppingToken);
                if (answer.IsOk)
                {
                    ViberLog.WebhookRegistered(logger, url);
                    return;
                }
                ViberLog.WebhookRegistrationFailed(logger, answer.Status, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ViberLog.WebhookRegistrationFailed(logger, -1, ex);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 5 * attempt * attempt)), time, stoppingToken);
        }
    }
}
