using System.Collections.Concurrent;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.TestSupport;

/// <summary>An <see cref="IChannelSender"/> that records what it delivered; <see cref="Behaviour"/> can inject failures.</summary>
public sealed class RecordingSender(string channelId) : IChannelSender
{
    private readonly ConcurrentQueue<Activity> _delivered = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _attempts;

    public string ChannelId { get; } = channelId;

    /// <summary>Decides each attempt's outcome; delivers by default.</summary>
    public Func<Activity, DeliveryResult> Behaviour { get; set; } = _ => DeliveryResult.Delivered;

    public int Attempts => _attempts;

    public IReadOnlyList<Activity> Delivered => [.. _delivered];

    public Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var result = Behaviour(activity);
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            _delivered.Enqueue(activity);
            _arrived.Release();
        }

        return Task.FromResult(result);
    }

    /// <summary>Waits until a delivery happens, failing after <paramref name="timeout"/>.</summary>
    public async Task WaitForDeliveryAsync(TimeSpan timeout)
    {
        if (!await _arrived.WaitAsync(timeout))
        {
            throw new TestFlowAssertionException($"No activity was delivered within {timeout}.");
        }
    }

    /// <summary>Takes the oldest delivered activity not yet taken.</summary>
    public bool TryTake(out Activity activity) => _delivered.TryDequeue(out activity!);
}
