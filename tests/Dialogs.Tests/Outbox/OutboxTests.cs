using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Dialogs.Tests.Outbox;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task State_survives_a_restart_on_the_litedb_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var host = new LiteDbHost(_directory, _time))
        {
            await new TestFlow(host.Adapter, new ScriptBot(host.Adapter.ConversationState))
                .Send("a").AssertReply("a 1.1").AssertReply("a 1.2").AssertReply("a 1.3")
                .StartTestAsync(ct);
        }

        using (var host = new LiteDbHost(_directory, _time))
        {
            await new TestFlow(host.Adapter, new ScriptBot(host.Adapter.ConversationState))
                .Send("b").AssertReply("b 2.1").AssertReply("b 2.2").AssertReply("b 2.3").AssertNoReply()
                .StartTestAsync(ct);
        }
    }

    [Fact]
    public async Task Replies_committed_before_a_crash_are_delivered_exactly_once_in_order_after_reopening()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var host = new LiteDbHost(_directory, _time))
        {
            var bot = new ScriptBot(host.Adapter.ConversationState);
            // Committed but never delivered: the process "dies" before the dispatcher runs.
            await host.Adapter.ProcessActivityAsync(host.Adapter.MakeMessage("x"), bot, ct);
            await host.Adapter.ProcessActivityAsync(host.Adapter.MakeMessage("y"), bot, ct);
        }

        using (var host = new LiteDbHost(_directory, _time))
        {
            Assert.Equal(6, await host.Adapter.Dispatcher.DrainOnceAsync(ct));
            Assert.Equal(0, await host.Adapter.Dispatcher.DrainOnceAsync(ct));
            Assert.Equal(["x 1.1", "x 1.2", "x 1.3", "y 2.1", "y 2.2", "y 2.3"], host.Adapter.Sender.Delivered.Select(a => a.Text));
        }

        using (var host = new LiteDbHost(_directory, _time))
        {
            Assert.Equal(0, await host.Adapter.Dispatcher.DrainOnceAsync(ct));
        }
    }

    [Fact]
    public async Task Repeated_inbound_id_after_a_restart_is_not_processed_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var message = new TestAdapterMessage();
        using (var host = new LiteDbHost(_directory, _time))
        {
            await host.Adapter.SendAsync(message.For(host.Adapter), new ScriptBot(host.Adapter.ConversationState), ct);
        }

        using (var host = new LiteDbHost(_directory, _time))
        {
            var result = await host.Adapter.SendAsync(message.For(host.Adapter), new ScriptBot(host.Adapter.ConversationState), ct);
            Assert.Equal(IntegrationBot.Dialogs.Runtime.TurnStatus.Duplicate, result.Status);
            Assert.Empty(host.Adapter.Sender.Delivered);
        }
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_the_next_attempt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = new LiteDbHost(_directory, _time);
        var sender = host.Adapter.Sender;
        sender.Behaviour = _ => sender.Attempts == 1 ? DeliveryResult.RetryAfter(TimeSpan.FromSeconds(30)) : DeliveryResult.Delivered;

        await host.Adapter.SendAsync(host.Adapter.MakeMessage("z"), new ScriptBot(host.Adapter.ConversationState), ct);
        Assert.Empty(sender.Delivered);
        Assert.Equal(1, sender.Attempts);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await host.Adapter.Dispatcher.DrainOnceAsync(ct));
        Assert.Equal(1, sender.Attempts);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, await host.Adapter.Dispatcher.DrainOnceAsync(ct));
        Assert.Equal(["z 1.1", "z 1.2", "z 1.3"], sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task Failing_entry_backs_off_then_is_dead_lettered_and_the_conversation_moves_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new OutboxOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(1) };
        using var host = new LiteDbHost(_directory, _time, options);
        var sender = host.Adapter.Sender;
        sender.Behaviour = a => a.Text == "d 1.1" ? DeliveryResult.Failed("HTTP 502", permanent: false) : DeliveryResult.Delivered;

        await host.Adapter.SendAsync(host.Adapter.MakeMessage("d"), new ScriptBot(host.Adapter.ConversationState), ct);
        Assert.Equal(1, sender.Attempts);
        Assert.Empty(sender.Delivered);

        // Backoff doubles: 1 s after the first failure, 2 s after the second (jitter fixed at its maximum in tests).
        _time.Advance(TimeSpan.FromMilliseconds(900));
        await host.Adapter.Dispatcher.DrainOnceAsync(ct);
        Assert.Equal(1, sender.Attempts);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await host.Adapter.Dispatcher.DrainOnceAsync(ct);
        Assert.Equal(2, sender.Attempts);
        _time.Advance(TimeSpan.FromSeconds(2));
        await host.Adapter.Dispatcher.DrainOnceAsync(ct);

        var dead = Assert.Single(await host.Adapter.OutboxStore.ListDeadLettersAsync(ct));
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("HTTP 502", dead.LastError);
        Assert.Equal("d 1.1", dead.Activity.Text);
        Assert.Equal(["d 1.2", "d 1.3"], sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task Permanent_failure_is_dead_lettered_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = new LiteDbHost(_directory, _time);
        host.Adapter.Sender.Behaviour = _ => DeliveryResult.Failed("bot was blocked by the user", permanent: true);

        await host.Adapter.SendAsync(host.Adapter.MakeMessage("p"), new ScriptBot(host.Adapter.ConversationState), ct);

        var dead = await host.Adapter.OutboxStore.ListDeadLettersAsync(ct);
        Assert.Equal(3, dead.Count);
        Assert.All(dead, d => Assert.Equal(1, d.Attempts));
        Assert.Null(await host.Adapter.OutboxStore.NextDueAsync(ct));
    }

    [Fact]
    public async Task Running_dispatcher_delivers_a_new_reply_at_once_without_waiting_for_a_poll()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new OutboxOptions { IdlePoll = TimeSpan.FromHours(1) };
        var adapter = TestAdapter.InMemory(TimeProvider.System, outboxOptions: options);
        await adapter.Dispatcher.StartAsync(ct);
        try
        {
            await adapter.ProcessActivityAsync(adapter.MakeMessage("now"), new ScriptBot(adapter.ConversationState), ct);
            await adapter.Sender.WaitForDeliveryAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("now 1.1", adapter.Sender.Delivered[0].Text);
        }
        finally
        {
            await adapter.Dispatcher.StopAsync(ct);
        }
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The same inbound activity (same id) delivered to two process lifetimes.</summary>
    private sealed class TestAdapterMessage
    {
        public Activities.Activity For(TestAdapter adapter) => adapter.MakeMessage("again") with { Id = "telegram-update-4711" };
    }
}
