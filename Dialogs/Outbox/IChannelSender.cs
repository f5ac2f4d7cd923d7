using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Delivers outgoing activities to one channel; implemented by each channel.</summary>
public interface IChannelSender
{
    string ChannelId { get; }

    /// <summary>
    /// The activity as the separate messages the channel will show, each committed as its own outbox entry so that
    /// delivery is tracked per message. Channels without a length limit keep it whole.
    /// </summary>
    IReadOnlyList<Activity> SplitIntoMessages(Activity activity) => [activity];

    /// <summary>One attempt; report failures as results, throw only for bugs.</summary>
    Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken);
}
