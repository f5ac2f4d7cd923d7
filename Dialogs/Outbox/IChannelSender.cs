using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Delivers outgoing activities to one channel; implemented by each channel.</summary>
public interface IChannelSender
{
    string ChannelId { get; }

    /// <summary>One attempt; report failures as results, throw only for bugs.</summary>
    Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken);
}
