using IntegrationBot.Channels.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Viber;

/// <summary>Once the server listens, registers <c>{PublicBaseUrl}/api/viber</c> with <c>set_webhook</c>; retried in the
/// background. Viber checks the address at once with a <c>webhook</c> callback, so registering before the server listens
/// always failed the first time.</summary>
public sealed class ViberWebhookRegistration(
    IViberClient client,
    IOptions<ViberOptions> options,
    IOptions<ChannelsOptions> channels,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ViberWebhookRegistration> logger) : BackgroundService
{
    /// <summary>Only the events the bot acts on (message is always sent); delivered, seen and failed were acknowledged
    /// and ignored, each a webhook call for nothing.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
        [ViberCallback.Subscribed, ViberCallback.Unsubscribed, ViberCallback.ConversationStarted];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        if (channels.Value.WebhookUrl(ViberWebhookEndpoint.Path) is not { } url)
        {
            // Viber has no polling: without a webhook the channel is on but hears nothing.
            ViberLog.WebhookNotRegistered(logger);
            return;
        }

        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => listening.TrySetResult()))
            {
                await listening.Task.WaitAsync(stoppingToken);
            }
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
