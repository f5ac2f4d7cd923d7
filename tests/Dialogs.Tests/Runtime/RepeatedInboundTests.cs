using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Runtime;

/// <summary>
/// A channel redelivers an update it was not sure we took (Telegram and Viber at once after a connection reset). The
/// turn runner's durable inbound check is the only duplicate check: a repeat queues on the conversation's lock behind
/// the turn still running, then finds it committed (acknowledged, not run) or failed (runs it in its place).
/// </summary>
public sealed class RepeatedInboundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Counts completed runs; a run can be held open, or made to fail, by the test.</summary>
    private sealed class GatedBot : IBot
    {
        private int _completed;

        public TaskCompletionSource? Hold { get; set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? FailNext { get; set; }

        public int Completed => Volatile.Read(ref _completed);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (Hold is { } hold)
            {
                Hold = null;
                Started.TrySetResult();
                await hold.Task;
            }

            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }

            Interlocked.Increment(ref _completed);
            await turnContext.SendActivityAsync("ok", cancellationToken);
        }
    }

    [Fact]
    public async Task Completed_id_is_not_run_again()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new GatedBot();
        var update = adapter.MakeMessage("7");

        Assert.Equal(TurnStatus.Processed, (await adapter.ProcessActivityAsync(update, bot, Ct)).Status);
        Assert.Equal(TurnStatus.Duplicate, (await adapter.ProcessActivityAsync(update, bot, Ct)).Status);

        Assert.Equal(1, bot.Completed);
    }

    [Fact]
    public async Task Redelivery_of_an_id_still_running_waits_for_that_turn_and_is_not_run_again()
    {
        var adapter = TestAdapter.InMemory();
        var release = new TaskCompletionSource();
        var bot = new GatedBot { Hold = release };
        var update = adapter.MakeMessage("7");
        var first = await StartHeldTurnAsync(adapter, bot, update);

        var redelivery = adapter.ProcessActivityAsync(update, bot, Ct);
        Assert.False(redelivery.IsCompleted); // acknowledging now would lose the message if the first turn then fails

        release.SetResult();
        Assert.Equal(TurnStatus.Processed, (await first).Status);
        Assert.Equal(TurnStatus.Duplicate, (await redelivery).Status);
        Assert.Equal(1, bot.Completed);
    }

    [Fact]
    public async Task Redelivery_waiting_on_a_turn_that_fails_takes_the_turn_over()
    {
        var adapter = TestAdapter.InMemory();
        var release = new TaskCompletionSource();
        var bot = new GatedBot { Hold = release, FailNext = new InvalidOperationException("storage outage") };
        var update = adapter.MakeMessage("7");
        var first = await StartHeldTurnAsync(adapter, bot, update);

        var redelivery = adapter.ProcessActivityAsync(update, bot, Ct);
        release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal(TurnStatus.Processed, (await redelivery).Status);
        Assert.Equal(1, bot.Completed);
    }

    [Fact]
    public async Task Cancelling_the_wait_of_a_redelivery_leaves_the_running_turn_alone()
    {
        var adapter = TestAdapter.InMemory();
        var release = new TaskCompletionSource();
        var bot = new GatedBot { Hold = release };
        var update = adapter.MakeMessage("7");
        var first = await StartHeldTurnAsync(adapter, bot, update);
        using var hangUp = new CancellationTokenSource();

        var redelivery = adapter.ProcessActivityAsync(update, bot, hangUp.Token);
        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => redelivery);
        release.SetResult();
        Assert.Equal(TurnStatus.Processed, (await first).Status);
        Assert.Equal(TurnStatus.Duplicate, (await adapter.ProcessActivityAsync(update, bot, Ct)).Status);
        Assert.Equal(1, bot.Completed);
    }

    [Fact]
    public async Task Failed_turn_is_rethrown_and_its_redelivery_runs()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new GatedBot { FailNext = new InvalidOperationException("storage outage") };
        var update = adapter.MakeMessage("7");

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(update, bot, Ct));

        Assert.Equal(TurnStatus.Processed, (await adapter.ProcessActivityAsync(update, bot, Ct)).Status);
        Assert.Equal(1, bot.Completed);
    }

    [Fact]
    public async Task Cancelled_turn_is_forgotten_so_its_redelivery_runs()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new GatedBot { FailNext = new OperationCanceledException() };
        var update = adapter.MakeMessage("7");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adapter.ProcessActivityAsync(update, bot, Ct));

        Assert.Equal(TurnStatus.Processed, (await adapter.ProcessActivityAsync(update, bot, Ct)).Status);
        Assert.Equal(1, bot.Completed);
    }

    [Fact]
    public async Task Repeat_is_recognized_however_many_turns_ran_since()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new GatedBot();
        var oldest = adapter.MakeMessage("1");
        await adapter.ProcessActivityAsync(oldest, bot, Ct);
        for (var i = 0; i < 200; i++)
        {
            await adapter.ProcessActivityAsync(adapter.MakeMessage("later"), bot, Ct);
        }

        Assert.Equal(TurnStatus.Duplicate, (await adapter.ProcessActivityAsync(oldest, bot, Ct)).Status);
        Assert.Equal(201, bot.Completed);
    }

    /// <summary>Starts the first delivery's turn and returns once the bot holds it open.</summary>
    private static async Task<Task<TurnResult>> StartHeldTurnAsync(TestAdapter adapter, GatedBot bot, Activity update)
    {
        var first = adapter.ProcessActivityAsync(update, bot, Ct);
        await bot.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        return first;
    }
}
