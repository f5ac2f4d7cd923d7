using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>The web chat channel's real sender (the reply goes into the Direct Line log and is announced to the page's tail), counting deliveries.</summary>
public sealed class CountingWebChatSender(DirectLineSender inner) : IChannelSender
{
    private long _delivered;

    public string ChannelId => inner.ChannelId;

    public long Delivered => Interlocked.Read(ref _delivered);

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var result = await inner.SendAsync(activity, cancellationToken);
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            Interlocked.Increment(ref _delivered);
        }

        return result;
    }
}
