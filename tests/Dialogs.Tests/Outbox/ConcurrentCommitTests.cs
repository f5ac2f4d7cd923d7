using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Outbox;

public sealed class ConcurrentCommitTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    /// <summary>Counts the user's messages in user state; the first run of each turn waits until both turns have read.</summary>
    private sealed class UserCounterBot(TestAdapter adapter) : IBot
    {
        private readonly IntegrationBot.Dialogs.State.IStatePropertyAccessor<int> _messages = adapter.UserState.CreateProperty<int>("messages");
        private readonly TaskCompletionSource _bothRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _firstReads;
        private int _runs;

        public int Runs => _runs;

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            var messages = await _messages.GetAsync(turnContext, () => 0, cancellationToken);
            if (Interlocked.Increment(ref _firstReads) == 2)
            {
                _bothRead.TrySetResult();
            }

            await _bothRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            await _messages.SetAsync(turnContext, messages + 1, cancellationToken);
            await turnContext.SendActivityAsync($"message {messages + 1}", cancellationToken);
        }
    }

    [Fact]
    public async Task Two_conversations_racing_on_the_same_user_state_both_count_and_neither_reply_is_duplicated()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = new LiteDbHost(_directory, TimeProvider.System);
        var adapter = host.Adapter;
        var bot = new UserCounterBot(adapter);

        var inFirst = adapter.MakeMessage("a");
        var inSecond = adapter.MakeMessage("b") with { Conversation = new("conv-2") };
        await Task.WhenAll(
            adapter.ProcessActivityAsync(inFirst, bot, ct),
            adapter.ProcessActivityAsync(inSecond, bot, ct)).WaitAsync(TimeSpan.FromSeconds(20), ct);
        await adapter.Dispatcher.DrainOnceAsync(ct);

        // Both read 0; the loser of the eTag race reran on fresh state and counted 2.
        Assert.Equal(3, bot.Runs);
        Assert.Equal(["message 1", "message 2"], adapter.Sender.Delivered.Select(a => a.Text).Order());
    }

    public void Dispose() => _directory.Dispose();
}
