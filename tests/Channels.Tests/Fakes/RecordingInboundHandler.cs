using System.Collections.Concurrent;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>Stands in for the bot runtime: records each inbound activity after serializing it as storage would.</summary>
public sealed class RecordingInboundHandler : IInboundActivityHandler, IWelcomeActivitySource
{
    private readonly SemaphoreSlim _signal = new(0);

    public ConcurrentQueue<Activity> Received { get; } = new();

    /// <summary>How many of the next calls throw, to simulate a failed turn.</summary>
    public int FailNext { get; set; }

    public Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new InvalidOperationException("simulated storage outage");
        }
        _ = ActivityJson.Serialize(activity);
        Received.Enqueue(activity);
        _signal.Release();
        return Task.CompletedTask;
    }

    /// <summary>Records the conversation update and has no welcome to give.</summary>
    public Task<Activity?> GetWelcomeAsync(Activity conversationUpdate, CancellationToken cancellationToken)
    {
        _ = ActivityJson.Serialize(conversationUpdate);
        return Task.FromResult<Activity?>(null);
    }

    public async Task<Activity> WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (Received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} activities, got {Received.Count}.");
            }
            await _signal.WaitAsync(left);
        }
        return Received.ElementAt(count - 1);
    }
}
