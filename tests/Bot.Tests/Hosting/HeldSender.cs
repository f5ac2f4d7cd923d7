using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.Hosting;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>Holds every delivery until the host begins to stop, so replies are still in the outbox when shutdown starts.</summary>
public sealed class HeldSender(IChannelSender inner, IHostApplicationLifetime lifetime) : IChannelSender
{
    public string ChannelId => inner.ChannelId;

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var stopping = new TaskCompletionSource();
        using (lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task.WaitAsync(cancellationToken);
        }

        return await inner.SendAsync(activity, cancellationToken);
    }
}
