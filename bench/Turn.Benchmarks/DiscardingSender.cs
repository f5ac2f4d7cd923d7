using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>The channel end of the benchmark: accepts every reply at once and only counts them.</summary>
public sealed class DiscardingSender : IChannelSender
{
    public const string Channel = "bench";
    private long _delivered;

    public string ChannelId => Channel;

    public long Delivered => Interlocked.Read(ref _delivered);

    public Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _delivered);
        return Task.FromResult(DeliveryResult.Delivered);
    }
}
