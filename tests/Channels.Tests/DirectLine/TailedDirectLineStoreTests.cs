using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Channels.Tests.DirectLine;

/// <summary>
/// The memory in front of the log must never hold an erased conversation: an append that was under way while the person
/// erased it (a reply being delivered, a message whose turn commits later) must not put its tail back afterwards, or a
/// poll would be answered from memory with what was erased (found as a flaky <c>DirectLineStreamTests</c> in CI).
/// </summary>
public sealed class TailedDirectLineStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RecentActivities _recent = new(new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));

    [Fact]
    public async Task A_delivery_under_way_while_the_conversation_is_erased_leaves_nothing_in_memory()
    {
        var inner = new HeldStore();
        var tailed = new TailedDirectLineStore(inner, _recent);
        _recent.Started("c1");

        var delivery = tailed.AppendAsync("c1", Message("welcome"), "reply:w1", Ct);
        await inner.AppendEntered.Task.WaitAsync(Ct);
        await tailed.DeleteConversationAsync("c1", Ct);
        inner.Appended.SetResult(new AppendedActivity(Message("welcome") with { Id = "c1|0000001" }, 1, IsNew: true));
        await delivery;

        Assert.False(_recent.Knows("c1"));
        Assert.Null(_recent.TryRead("c1", null, out _, out _));
    }

    [Fact]
    public async Task A_message_whose_turn_commits_after_the_erasure_leaves_nothing_in_memory()
    {
        var inner = new HeldStore();
        var tailed = new TailedDirectLineStore(inner, _recent);
        _recent.Started("c1");

        var echo = (await tailed.AppendBeforeTurnAsync("c1", Message("hello"), "client:1", Ct))!;
        await tailed.ClearActivitiesAsync("c1", Ct);
        inner.Appended.SetResult(new AppendedActivity(Message("hello") with { Id = "c1|0000001" }, 1, IsNew: true));
        await echo.Durable;

        Assert.False(_recent.Knows("c1"));
    }

    [Fact]
    public async Task An_append_the_store_refuses_for_a_gone_conversation_is_not_recorded()
    {
        var inner = new HeldStore();
        var tailed = new TailedDirectLineStore(inner, _recent);
        _recent.Started("c1");

        var delivery = tailed.AppendAsync("c1", Message("late"), "reply:r1", Ct);
        inner.Appended.SetResult(null);

        Assert.Null(await delivery);
        Assert.False(_recent.Knows("c1"));
    }

    [Fact]
    public async Task An_append_without_an_erasure_is_served_from_memory()
    {
        var inner = new HeldStore();
        var tailed = new TailedDirectLineStore(inner, _recent);
        _recent.Started("c1");

        var delivery = tailed.AppendAsync("c1", Message("welcome"), "reply:w1", Ct);
        inner.Appended.SetResult(new AppendedActivity(Message("welcome") with { Id = "c1|0000001" }, 1, IsNew: true));
        await delivery;

        Assert.NotNull(_recent.TryRead("c1", null, out var next, out var count));
        Assert.Equal((1L, 1), (next, count));
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount("c1"),
    };

    /// <summary>A log whose appends complete when the test says, so an erasure can run while one is under way.</summary>
    private sealed class HeldStore : IDirectLineStore
    {
        public TaskCompletionSource AppendEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<AppendedActivity?> Appended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
        {
            AppendEntered.TrySetResult();
            return Appended.Task;
        }

        /// <summary>Like LiteDB's: numbered now, durable with the turn's commit later.</summary>
        public Task<TurnEcho?> AppendBeforeTurnAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken) =>
            Task.FromResult<TurnEcho?>(new TurnEcho(
                new AppendedActivity(activity with { Id = $"{conversationId}|0000001" }, 1, IsNew: true),
                Appended.Task.ContinueWith(t => t.Result!, TaskScheduler.Default)));

        public Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken) =>
            Task.FromResult(new ActivityPage([], watermark ?? 0));

        public Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
