using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Runtime;

public sealed class TurnConcurrencyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>The first turn blocks until released; every turn records how many turns were inside at once.</summary>
    private sealed class GateBot : IBot
    {
        private int _inside;

        public TaskCompletionSource FirstEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SecondEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseFirst { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MaxInside { get; private set; }

        public List<string> Order { get; } = [];

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var inside = Interlocked.Increment(ref _inside);
            lock (Order)
            {
                MaxInside = Math.Max(MaxInside, inside);
                Order.Add("start " + turnContext.Activity.Text);
            }

            if (turnContext.Activity.Text == "first")
            {
                FirstEntered.TrySetResult();
                await ReleaseFirst.Task.WaitAsync(Deadline, cancellationToken);
            }
            else
            {
                SecondEntered.TrySetResult();
            }

            lock (Order)
            {
                Order.Add("end " + turnContext.Activity.Text);
            }

            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>The real lock, reporting each wait for it, so a test sees a turn queued behind another without a sleep.</summary>
    private sealed class WatchedLock(IConversationLock inner) : IConversationLock
    {
        private int _calls;

        public TaskCompletionSource<Task<IAsyncDisposable>> SecondAcquire { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
        {
            var acquired = inner.AcquireAsync(key, cancellationToken);
            if (Interlocked.Increment(ref _calls) == 2)
            {
                SecondAcquire.TrySetResult(acquired);
            }

            return acquired;
        }
    }

    [Fact]
    public async Task Overlapping_turns_of_one_conversation_run_one_after_the_other()
    {
        var storage = new MemoryStorage();
        var turns = new MemoryTurnStore(storage, TimeProvider.System);
        var conversationLock = new WatchedLock(new KeyedAsyncLock());
        var adapter = TestAdapter.Create(storage, turns, turns, TimeProvider.System, conversationLock: conversationLock);
        var bot = new GateBot();
        var ct = TestContext.Current.CancellationToken;

        var first = adapter.ProcessActivityAsync(adapter.MakeMessage("first"), bot, ct);
        await bot.FirstEntered.Task.WaitAsync(Deadline, ct);
        var second = adapter.ProcessActivityAsync(adapter.MakeMessage("second"), bot, ct);

        // The second turn must not start while the first is still inside the bot: it waits for the conversation's lock.
        var secondWaits = await conversationLock.SecondAcquire.Task.WaitAsync(Deadline, ct);
        Assert.False(secondWaits.IsCompleted);
        Assert.False(bot.SecondEntered.Task.IsCompleted);

        bot.ReleaseFirst.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Deadline, ct);
        Assert.Equal(1, bot.MaxInside);
        Assert.Equal(["start first", "end first", "start second", "end second"], bot.Order);
    }

    [Fact]
    public async Task Turns_of_different_conversations_run_in_parallel()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new GateBot();
        var ct = TestContext.Current.CancellationToken;

        var first = adapter.ProcessActivityAsync(adapter.MakeMessage("first"), bot, ct);
        await bot.FirstEntered.Task.WaitAsync(Deadline, ct);
        var other = adapter.MakeMessage("second") with { Conversation = new("conv-2") };
        var second = adapter.ProcessActivityAsync(other, bot, ct);

        // The second conversation's turn completes while the first is still blocked inside the bot.
        await second.WaitAsync(Deadline, ct);
        Assert.False(first.IsCompleted);
        Assert.Equal(2, bot.MaxInside);

        bot.ReleaseFirst.SetResult();
        await first.WaitAsync(Deadline, ct);
    }
}
