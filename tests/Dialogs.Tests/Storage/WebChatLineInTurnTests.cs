using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// Issue 19, one transaction per turn: a web chat reply's log line is written by its turn's commit, in the same LiteDB
/// transaction as the state, the inbound id and the outbox entry; the delivery only announces it to the page.
/// </summary>
public sealed class WebChatLineInTurnTests : IDisposable
{
    private const string Conversation = "c1";
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Key => ConversationState.KeyFor(DirectLineInbox.ChannelId, Conversation);

    private static Activity Reply(string id, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = DirectLineInbox.ChannelId,
        Conversation = new ConversationAccount(Conversation),
        Text = text,
    };

    private static TurnCommit Turn(string inbound, params Activity[] replies) =>
        new(Key, inbound, new Dictionary<string, StoredItem> { [Key] = new("{\"n\":1}", null) }, replies);

    [Fact]
    public async Task A_web_chat_turn_and_the_delivery_of_its_reply_take_one_transaction_and_the_line_is_in_the_log_at_the_commit()
    {
        using var database = _directory.Open();
        var web = new WebChat(database, _time);
        await web.Store.CreateConversationAsync(Conversation, "u1", "en", Ct);
        var before = database.Transactions;

        Assert.Equal(CommitOutcome.Committed, await web.Turns.CommitAsync(Turn("in-1", Reply("r1", "At the office.")), Ct));

        Assert.Equal(before + 1, database.Transactions);
        // In the log (on disk) before any delivery: a crash now loses nothing.
        Assert.Equal(["At the office."], (await web.Log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));

        // The delivery announces the committed line: no second transaction, the page's tail gets it, streams wake.
        var woken = web.Signals.NextAppendAsync(Conversation);
        Assert.Equal(DeliveryOutcome.Delivered, (await web.Sender.SendAsync(Reply("r1", "At the office."), Ct)).Outcome);
        Assert.Equal(before + 1, database.Transactions);
        Assert.True(woken.IsCompleted);
        Assert.NotNull(web.Recent.TryRead(Conversation, 0, out var watermark, out var count));
        Assert.Equal((1L, 1), (watermark, count));
    }

    [Fact]
    public async Task A_page_following_the_tail_sees_each_reply_once_after_its_delivery_and_a_reload_sees_them_in_order()
    {
        using var database = _directory.Open();
        var web = new WebChat(database, _time);
        await web.Store.CreateConversationAsync(Conversation, "u1", "en", Ct);
        var question = (await web.Store.AppendAsync(Conversation, new Activity { Type = ActivityTypes.Message, Text = "Where?" }, "client:q1", Ct))!;

        await web.Turns.CommitAsync(Turn("in-1", Reply("r1", "First."), Reply("r2", "Second.")), Ct);
        // Committed, not yet delivered: the tail holds the question only, so the page waits.
        Assert.NotNull(web.Recent.TryRead(Conversation, question.Watermark, out _, out var beforeDelivery));
        Assert.Equal(0, beforeDelivery);

        Assert.Equal(2, await web.Dispatcher.DrainOnceAsync(Ct));
        var set = web.Recent.TryRead(Conversation, question.Watermark, out var watermark, out var count);
        Assert.NotNull(set);
        Assert.Equal((3L, 2), (watermark, count));
        Assert.NotNull(web.Recent.TryRead(Conversation, watermark, out _, out var again));
        Assert.Equal(0, again);

        // A reload reads the store: question and both replies once each, in order.
        Assert.Equal(["Where?", "First.", "Second."], (await web.Log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(3, (await web.Log.ReadAsync(Conversation, null, Ct)).Watermark);
    }

    [Fact]
    public async Task A_reply_committed_before_a_crash_is_delivered_after_the_restart_and_in_the_log_once()
    {
        using (var database = _directory.Open())
        {
            var web = new WebChat(database, _time);
            await web.Store.CreateConversationAsync(Conversation, "u1", "en", Ct);
            await web.Turns.CommitAsync(Turn("in-1", Reply("r1", "At the office.")), Ct);
            // No delivery: the process stops here.
        }

        using (var reopened = _directory.Open())
        {
            var web = new WebChat(reopened, _time);
            Assert.Equal(1, await web.Dispatcher.DrainOnceAsync(Ct));
            Assert.Equal(0, await web.Dispatcher.DrainOnceAsync(Ct));
            Assert.Equal(["At the office."], (await web.Log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
        }
    }

    [Fact]
    public async Task A_conversation_erased_between_the_commit_and_the_delivery_keeps_no_line_and_shows_none()
    {
        using var database = _directory.Open();
        var web = new WebChat(database, _time);
        await web.Store.CreateConversationAsync(Conversation, "u1", "en", Ct);
        await web.Turns.CommitAsync(Turn("in-1", Reply("r1", "At the office.")), Ct);

        await web.Store.DeleteConversationAsync(Conversation, Ct);
        await web.Dispatcher.DrainOnceAsync(Ct);

        Assert.Empty((await web.Log.ReadAsync(Conversation, null, Ct)).Activities);
        Assert.False(await web.Log.ConversationExistsAsync(Conversation, Ct));
        Assert.False(web.Recent.Knows(Conversation));
        Assert.Equal(0, database.Hot.WebChatLines.Count);
        Assert.Single(await web.Outbox.ListDeadLettersAsync(Ct));
    }

    [Fact]
    public async Task On_memory_storage_the_commit_writes_the_line_and_the_delivery_only_announces_it()
    {
        using var database = LiteDbDatabaseFactory.OpenInMemory();
        var memory = new MemoryTurnStore(new MemoryStorage(), _time);
        var web = new WebChat(database, _time, new WebChatLinesTurnStore(memory, database, _time), memory);
        await web.Store.CreateConversationAsync(Conversation, "u1", "en", Ct);

        await web.Turns.CommitAsync(Turn("in-1", Reply("r1", "At the office.")), Ct);
        Assert.Equal(["At the office."], (await web.Log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
        var committed = database.Transactions;

        Assert.Equal(1, await web.Dispatcher.DrainOnceAsync(Ct));
        Assert.Equal(committed, database.Transactions);
        Assert.Single((await web.Log.ReadAsync(Conversation, null, Ct)).Activities);
        Assert.NotNull(web.Recent.TryRead(Conversation, 0, out var watermark, out _));
        Assert.Equal(1, watermark);
    }

    public void Dispose() => _directory.Dispose();
}
