using System.Collections.Concurrent;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>Stands in for the bot runtime, or serves as the bot on the real one (<see cref="ChannelTestHost.StartOnRuntimeAsync"/>):
/// records each inbound activity after serializing it as storage would.</summary>
public sealed class RecordingInboundHandler : IInboundActivityHandler, IWelcomeActivitySource, IBot
{
    private readonly SemaphoreSlim _signal = new(0);

    public ConcurrentQueue<Activity> Received { get; } = new();

    /// <summary>How many of the next calls throw, to simulate a failed turn.</summary>
    public int FailNext { get; set; }

    /// <summary>When set, the next turn signals <see cref="HoldStarted"/> and waits for this before finishing; a turn
    /// whose token was cancelled meanwhile then stops, as the runtime does at its next await.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public TaskCompletionSource HoldStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            Hold = null;
            HoldStarted.TrySetResult();
            await hold.Task;
            cancellationToken.ThrowIfCancellationRequested();
        }

        Record(activity);
    }

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        HandleAsync(turnContext.Activity, cancellationToken);

    private void Record(Activity activity)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new InvalidOperationException("simulated storage outage");
        }
        _ = ActivityJson.Serialize(activity);
        Received.Enqueue(activity);
        _signal.Release();
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
