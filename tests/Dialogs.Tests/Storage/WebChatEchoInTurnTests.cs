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
/// Issue 19, one transaction per turn: the user's web chat message (the echo) gets its place in the log before the turn
/// and is written by the turn's commit, with the state, the inbound id, the outbox entries and the replies' lines.
/// </summary>
public sealed class WebChatEchoInTurnTests : IDisposable
{
    private const string Conversation = "c1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Key => ConversationState.KeyFor(DirectLineInbox.ChannelId, Conversation);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static Activity Reply(string id, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = DirectLineInbox.ChannelId,
        Conversation = new ConversationAccount(Conversation),
        Text = text,
    };

    private static TurnCommit Turn(AppendedActivity echo, params Activity[] replies) =>
        new(Key, $"{DirectLineInbox.ChannelId}|{echo.Activity.Id}", new Dictionary<string, StoredItem> { [Key] = new("{\"n\":1}", null) }, replies);

    [Fact]
    public async Task A_web_chat_question_and_answer_is_one_transaction_with_the_echo_before_the_reply_in_the_log()
    {
        using var database = _directory.Open();
        var (log, recent, store, turns) = Compose(database);
        await store.CreateConversationAsync(Conversation, "u1", "en", Ct);
        var before = database.Transactions;

        var echo = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
        Assert.False(echo.Durable.IsCompleted);
        Assert.Equal($"{Conversation}|0000001", echo.Appended.Activity.Id);
        Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn(echo.Appended, Reply("r1", "At the office.")), Ct));
        var durable = await echo.Durable.WaitAsync(Deadline, Ct);

        Assert.Equal(before + 1, database.Transactions);
        Assert.Equal(1, durable.Watermark);
        Assert.Equal(["Where?", "At the office."], (await log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
        // The tail holds the echo once it is durable; the reply follows at its delivery.
        Assert.NotNull(recent.TryRead(Conversation, 0, out var watermark, out var count));
        Assert.Equal((1L, 1), (watermark, count));
    }

    [Fact]
    public async Task A_resend_before_and_after_the_commit_gets_the_same_id_and_the_echo_is_in_the_log_once()
    {
        using var database = _directory.Open();
        var (log, recent, store, turns) = Compose(database);
        await store.CreateConversationAsync(Conversation, "u1", "en", Ct);

        var first = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
        var early = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
        Assert.Equal(first.Appended.Activity.Id, early.Appended.Activity.Id);
        Assert.False(early.Appended.IsNew);
        Assert.False(early.Durable.IsCompleted);

        await turns.CommitAsync(Turn(first.Appended), Ct);
        await first.Durable.WaitAsync(Deadline, Ct);
        Assert.False((await early.Durable.WaitAsync(Deadline, Ct)).IsNew);
        var late = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;

        Assert.Equal(first.Appended.Activity.Id, late.Appended.Activity.Id);
        Assert.Single((await log.ReadAsync(Conversation, null, Ct)).Activities);
        Assert.NotNull(recent.TryRead(Conversation, 0, out _, out var count));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task A_turn_that_never_commits_leaves_the_echo_durable_on_its_own_and_a_reader_never_skips_it()
    {
        using var database = _directory.Open();
        var (log, _, store, _) = Compose(database);
        await store.CreateConversationAsync(Conversation, "u1", "en", Ct);

        var echo = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
        // A proactive line (a counselor's reply) appended meanwhile comes after it, and a read stops before the echo.
        var proactive = (await store.AppendAsync(Conversation, Message("A counselor writes."), "reply:p1", Ct))!;
        Assert.Equal(echo.Appended.Watermark + 1, proactive.Watermark);
        Assert.Empty((await log.ReadAsync(Conversation, null, Ct)).Activities);

        // No commit comes (the turn failed): the echo is written alone a moment later, and then read in order.
        Assert.Equal(1, (await echo.Durable.WaitAsync(Deadline, Ct)).Watermark);
        var page = await log.ReadAsync(Conversation, null, Ct);
        Assert.Equal(["Where?", "A counselor writes."], page.Activities.Select(a => a.Text));
        Assert.Equal(2, page.Watermark);
    }

    [Fact]
    public async Task After_a_restart_the_numbers_continue_from_the_file_and_an_old_message_resent_keeps_its_id()
    {
        string firstId;
        using (var database = _directory.Open())
        {
            var (_, _, store, turns) = Compose(database);
            await store.CreateConversationAsync(Conversation, "u1", "en", Ct);
            var echo = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
            await turns.CommitAsync(Turn(echo.Appended, Reply("r1", "At the office.")), Ct);
            firstId = (await echo.Durable.WaitAsync(Deadline, Ct)).Activity.Id!;
        }

        using (var reopened = _directory.Open())
        {
            var (log, _, store, turns) = Compose(reopened);
            var resent = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
            Assert.Equal(firstId, resent.Appended.Activity.Id);
            Assert.True(resent.Durable.IsCompleted);

            var next = (await store.AppendBeforeTurnAsync(Conversation, Message("When?"), "client:q2", Ct))!;
            Assert.Equal(3, next.Appended.Watermark);
            await turns.CommitAsync(Turn(next.Appended), Ct);
            await next.Durable.WaitAsync(Deadline, Ct);
            Assert.Equal(["Where?", "At the office.", "When?"], (await log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
        }
    }

    [Fact]
    public async Task A_message_whose_own_turn_clears_the_log_is_not_kept_and_its_number_is_not_handed_out_again()
    {
        using (var database = _directory.Open())
        {
            var (log, recent, store, turns) = Compose(database);
            await store.CreateConversationAsync(Conversation, "u1", "en", Ct);
            var echo = (await store.AppendBeforeTurnAsync(Conversation, Message("Yes, delete MARKER"), "client:q1", Ct))!;
            // The turn erases the person's messages (keeping the conversation), then commits.
            await store.ClearActivitiesAsync(Conversation, Ct);
            await turns.CommitAsync(Turn(echo.Appended), Ct);

            Assert.Equal(echo.Appended.Activity.Id, (await echo.Durable.WaitAsync(Deadline, Ct)).Activity.Id);
            Assert.Empty((await log.ReadAsync(Conversation, null, Ct)).Activities);
            // Nor in memory: a page's stream reads the (empty) store.
            Assert.False(recent.Knows(Conversation));
        }

        using (var reopened = _directory.Open())
        {
            var (_, _, store, _) = Compose(reopened);
            Assert.Equal(2, ((await store.AppendBeforeTurnAsync(Conversation, Message("Hello again"), "client:q2", Ct))!).Appended.Watermark);
        }
    }

    [Fact]
    public async Task A_message_whose_own_turn_deletes_the_conversation_leaves_nothing_on_disk()
    {
        using var database = _directory.Open();
        var (log, _, store, turns) = Compose(database);
        await store.CreateConversationAsync(Conversation, "u1", "en", Ct);
        var echo = (await store.AppendBeforeTurnAsync(Conversation, Message("Delete everything MARKER"), "client:q1", Ct))!;

        await store.DeleteConversationAsync(Conversation, Ct);
        await turns.CommitAsync(Turn(echo.Appended), Ct);
        await echo.Durable.WaitAsync(Deadline, Ct);

        Assert.False(await log.ConversationExistsAsync(Conversation, Ct));
        Assert.Empty((await log.ReadAsync(Conversation, null, Ct)).Activities);
    }

    [Fact]
    public async Task On_memory_storage_the_echo_is_written_with_the_turn()
    {
        using var database = LiteDbDatabaseFactory.OpenInMemory();
        var memory = new MemoryTurnStore(new MemoryStorage(), _time);
        var (log, _, store, turns) = Compose(database, new WebChatLinesTurnStore(memory, database, _time));
        await store.CreateConversationAsync(Conversation, "u1", "en", Ct);
        var before = database.Transactions;

        var echo = (await store.AppendBeforeTurnAsync(Conversation, Message("Where?"), "client:q1", Ct))!;
        await turns.CommitAsync(Turn(echo.Appended, Reply("r1", "At the office.")), Ct);
        await echo.Durable.WaitAsync(Deadline, Ct);

        Assert.Equal(before + 1, database.Transactions);
        Assert.Equal(["Where?", "At the office."], (await log.ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text));
    }

    public void Dispose() => _directory.Dispose();

    private (LiteDbDirectLineStore Log, RecentActivities Recent, TailedDirectLineStore Store, ITurnStore Turns) Compose(SharedLiteDatabase database, ITurnStore? turns = null)
    {
        var web = new WebChat(database, _time, turns);
        return (web.Log, web.Recent, web.Store, web.Turns);
    }
}
