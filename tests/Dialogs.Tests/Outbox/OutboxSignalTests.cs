using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Dialogs.Tests.Outbox;

public sealed class OutboxSignalTests
{
    // Every committed turn notifies; under load most notifications find the dispatcher already signalled. Each of those
    // used to throw and catch a SemaphoreFullException (about one per two turns in the HTTP load run).
    [Fact]
    public void Notifying_an_already_signalled_dispatcher_throws_nothing()
    {
        var signal = new OutboxSignal();
        var thread = Environment.CurrentManagedThreadId;
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread) Interlocked.Increment(ref thrown);
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 100; i++) signal.Notify();
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
    }

    [Fact]
    public async Task Many_notifications_wake_one_wait_and_a_notification_after_it_wakes_the_next()
    {
        var signal = new OutboxSignal();
        var time = new FakeTimeProvider();
        for (var i = 0; i < 5; i++) signal.Notify();

        await signal.WaitAsync(TimeSpan.FromMinutes(1), time, CancellationToken.None);

        var second = signal.WaitAsync(TimeSpan.FromMinutes(1), time, CancellationToken.None);
        Assert.False(second.IsCompleted); // the five notifications were one wake-up
        signal.Notify();
        await second.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_wait_without_notification_ends_at_its_timeout()
    {
        var signal = new OutboxSignal();
        var time = new FakeTimeProvider();
        var wait = signal.WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await wait.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
