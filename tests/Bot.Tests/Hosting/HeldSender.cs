using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Bot.Hosting;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>Holds every delivery until the host begins to stop, so replies are still in the outbox when shutdown starts;
/// then delivers slowly, like a channel under load, so only a drain that waits gets them all out.</summary>
public sealed class HeldSender(IChannelSender inner, ShutdownGate gate) : IChannelSender
{
    public string ChannelId => inner.ChannelId;

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var stopping = new TaskCompletionSource();
        using (gate.Closing.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task.WaitAsync(cancellationToken);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(150), cancellationToken);
        return await inner.SendAsync(activity, cancellationToken);
    }
}
