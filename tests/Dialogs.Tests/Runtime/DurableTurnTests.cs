using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Runtime;

public sealed class DurableTurnTests
{
    private sealed class CounterBot(TestAdapter adapter, Func<int, Task>? beforeCommit = null) : IBot
    {
        private readonly IntegrationBot.Dialogs.State.IStatePropertyAccessor<int> _count = adapter.ConversationState.CreateProperty<int>("count");

        public int Runs { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Runs++;
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await turnContext.SendActivityAsync($"count {count} (run {Runs})", cancellationToken);
            if (beforeCommit is not null)
            {
                await beforeCommit(Runs);
            }
        }
    }

    [Fact]
    public async Task Repeated_inbound_id_is_acknowledged_and_not_processed_again()
    {
        var adapter = TestAdapter.InMemory();
        var bot = new CounterBot(adapter);
        var ct = TestContext.Current.CancellationToken;
        var message = adapter.MakeMessage("hi");

        var first = await adapter.SendAsync(message, bot, ct);
        var repeat = await adapter.SendAsync(message, bot, ct);

        Assert.Equal(TurnStatus.Processed, first.Status);
        Assert.Single(first.ReplyIds);
        Assert.Equal(TurnStatus.Duplicate, repeat.Status);
        Assert.Equal(1, bot.Runs);
        Assert.Single(adapter.Sender.Delivered);
    }

    [Fact]
    public async Task Turn_that_loses_an_etag_race_is_rerun_on_fresh_state_and_only_its_last_replies_are_sent()
    {
        var adapter = TestAdapter.InMemory();
        var ct = TestContext.Current.CancellationToken;
        // During the first run, another writer (e.g. a second host) bumps the stored count behind the turn's back.
        var bot = new CounterBot(adapter, async run =>
        {
            if (run == 1)
            {
                await adapter.Storage.WriteAsync(
                    new Dictionary<string, StoredItem> { ["test/conversations/conv-1"] = new("{\"count\":10}", StoredItem.AnyETag) }, ct);
            }
        });

        await new TestFlow(adapter, bot)
            .Send("hi").AssertReply("count 11 (run 2)").AssertNoReply()
            .StartTestAsync(ct);
    }

    [Fact]
    public async Task Middleware_sees_and_transforms_outgoing_activities()
    {
        var adapter = TestAdapter.InMemory(middleware: [new ShoutingMiddleware()]);
        await new TestFlow(adapter, new CounterBot(adapter))
            .Send("hi").AssertReply("COUNT 1 (RUN 1)")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Proactive_turn_writes_into_the_stored_conversation_through_the_outbox()
    {
        var adapter = TestAdapter.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var bot = new CounterBot(adapter);
        await adapter.SendAsync(adapter.MakeMessage("hi"), bot, ct);
        Assert.True(adapter.Sender.TryTake(out var reply));

        var reference = adapter.MakeMessage("hi").GetConversationReference();
        var result = await adapter.ContinueConversationAsync(reference, (turn, token) => turn.SendActivityAsync("Svetovalka: Dober dan!", token), ct);
        await adapter.Dispatcher.DrainOnceAsync(ct);

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.True(adapter.Sender.TryTake(out var proactive));
        Assert.Equal("Svetovalka: Dober dan!", proactive.Text);
        Assert.Equal("conv-1", proactive.Conversation!.Id);
        Assert.Equal("user-1", proactive.Recipient!.Id);
        Assert.Equal(reply.Conversation, proactive.Conversation);
    }

    [Fact]
    public async Task Proactive_operation_repeated_with_the_same_id_sends_once()
    {
        var adapter = TestAdapter.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var reference = adapter.MakeMessage("hi").GetConversationReference();

        var first = await adapter.ContinueConversationOnceAsync(reference, "counselor-msg-7", (t, c) => t.SendActivityAsync("Hvala", c), ct);
        var again = await adapter.ContinueConversationOnceAsync(reference, "counselor-msg-7", (t, c) => t.SendActivityAsync("Hvala", c), ct);
        await adapter.Dispatcher.DrainOnceAsync(ct);

        Assert.Equal(TurnStatus.Processed, first.Status);
        Assert.Equal(TurnStatus.Duplicate, again.Status);
        Assert.Single(adapter.Sender.Delivered);
    }

    private sealed class ShoutingMiddleware : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            turnContext.OnSendActivities((_, activities, send) =>
            {
                for (var i = 0; i < activities.Count; i++)
                {
                    activities[i] = activities[i] with { Text = activities[i].Text?.ToUpperInvariant() };
                }

                return send();
            });
            return next(cancellationToken);
        }
    }
}
