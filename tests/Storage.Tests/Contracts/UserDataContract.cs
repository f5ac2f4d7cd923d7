using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>
/// Privacy of the runtime's and web chat's records: erasure of one person (and nobody else), export, and retention.
/// Both providers must remove the same records, so an erasure request means the same on either.
/// </summary>
public abstract class UserDataContract : StoreContract
{
    private const string Marker = "MARKER-4e1d";

    [Fact]
    public async Task Erasing_a_telegram_user_removes_their_state_outbox_and_counters_and_keeps_another_users()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        var runtime = store.RuntimeUserData([]);
        await turns.CommitAsync(TelegramTurn("111", "upd-1", "a " + Marker, "b " + Marker), Ct);
        await turns.CommitAsync(TelegramTurn("222", "upd-2", "kept"), Ct);
        var dead = (await store.Outbox.ListDueHeadsAsync(Start, Ct)).Single(h => h.ConversationKey == "telegram/conversations/111");
        await store.Outbox.DeadLetterAsync(dead.Id, 8, "blocked", Ct);
        // A counselor's reply addressed to them under another key is theirs too.
        await turns.CommitAsync(new TurnCommit("console/reply-7", null, new Dictionary<string, StoredItem>(), [Addressed("111", "from counselor " + Marker)]), Ct);

        var export = (await runtime.Eraser.ExportUserDataAsync("telegram", "111", Ct)).ToJsonString();
        var removed = await runtime.Eraser.DeleteUserDataAsync("telegram", "111", Ct);

        Assert.Contains("a " + Marker, export, StringComparison.Ordinal);
        Assert.Contains("from counselor " + Marker, export, StringComparison.Ordinal);
        Assert.Contains("telegram/users/111", export, StringComparison.Ordinal);
        Assert.DoesNotContain("kept", export, StringComparison.Ordinal);
        // Two state documents, three outbox entries (one dead), one counter.
        Assert.Equal(6, removed);
        Assert.Empty(await store.Storage.ReadAsync(["telegram/conversations/111", "telegram/users/111"], Ct));
        Assert.Equal(2, (await store.Storage.ReadAsync(["telegram/conversations/222", "telegram/users/222"], Ct)).Count);
        Assert.Empty(await store.Outbox.ListDeadLettersAsync(Ct));
        // PostgreSQL leases the heads it lists for a minute, so each look is a few minutes later.
        Assert.Equal(["telegram/conversations/222"], (await store.Outbox.ListDueHeadsAsync(Start.AddMinutes(2), Ct)).Select(h => h.ConversationKey));
        Assert.True(await turns.IsProcessedAsync("telegram|upd-2", Ct));

        // The counter went with them: a new conversation of the same chat starts numbering again.
        await turns.CommitAsync(TelegramTurn("111", "upd-3", "again"), Ct);
        var head = (await store.Outbox.ListDueHeadsAsync(Start.AddMinutes(4), Ct)).Single(h => h.ConversationKey == "telegram/conversations/111");
        Assert.Equal(1L, head.Sequence);
    }

    [Fact]
    public async Task Erasing_a_web_chat_user_finds_their_conversations_and_removes_their_processed_ids_only()
    {
        await using var store = await OpenAsync();
        var time = new FakeTimeProvider(Start);
        var log = store.DirectLine(time);
        var webChat = store.WebChatUserData(log);
        var runtime = store.RuntimeUserData([webChat.Directory]);
        var turns = store.TurnStore(time);
        await log.CreateConversationAsync("wc-1", "u-1", "en", Ct);
        await log.CreateConversationAsync("wc-10", "u-2", "en", Ct);
        // "wc-10|…" starts with "wc-1" but belongs to another conversation.
        await turns.CommitAsync(WebChatTurn("wc-1", "webchat|wc-1|0000001", "mine"), Ct);
        await turns.CommitAsync(WebChatTurn("wc-10", "webchat|wc-10|0000001", "theirs"), Ct);

        Assert.Equal(["wc-1"], await webChat.Directory.ConversationIdsOfAsync("u-1", Ct));
        var export = await runtime.Eraser.ExportUserDataAsync("webchat", "u-1", Ct);
        Assert.Equal(1, export["processedMessageIds"]!.GetValue<int>());
        await runtime.Eraser.DeleteUserDataAsync("webchat", "u-1", Ct);

        Assert.False(await turns.IsProcessedAsync("webchat|wc-1|0000001", Ct));
        Assert.True(await turns.IsProcessedAsync("webchat|wc-10|0000001", Ct));
        Assert.Empty(await store.Storage.ReadAsync(["webchat/conversations/wc-1"], Ct));
        Assert.Single(await store.Storage.ReadAsync(["webchat/conversations/wc-10"], Ct));
    }

    [Fact]
    public async Task Retention_removes_old_processed_ids_dead_letters_and_idle_state_but_keeps_pending_replies()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        var runtime = store.RuntimeUserData([]);
        await turns.CommitAsync(new TurnCommit("telegram/conversations/1", "telegram|1", new Dictionary<string, StoredItem>(), [Addressed("1", "dead"), Addressed("1", "owed")]), Ct);
        await store.Outbox.DeadLetterAsync(Assert.Single(await store.Outbox.ListDueHeadsAsync(Start, Ct)).Id, 8, "blocked", Ct);
        // State is stamped with the time of writing, which both providers take from the clock.
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["telegram/conversations/1"] = new("{}") }, Ct);

        Assert.Equal(0, await runtime.Retention.PurgeOlderThanAsync(Start.AddDays(-1), Ct));
        Assert.Equal(2, await runtime.Retention.PurgeOlderThanAsync(Start.AddDays(1), Ct));

        Assert.False(await turns.IsProcessedAsync("telegram|1", Ct));
        Assert.Empty(await store.Outbox.ListDeadLettersAsync(Ct));
        Assert.Equal(["owed"], (await store.Outbox.ListDueHeadsAsync(Start.AddMinutes(2), Ct)).Select(h => h.Activity.Text));
        Assert.Single(await store.Storage.ReadAsync(["telegram/conversations/1"], Ct));

        await runtime.Retention.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);
        Assert.Empty(await store.Storage.ReadAsync(["telegram/conversations/1"], Ct));
        Assert.Single(await store.Outbox.ListDueHeadsAsync(Start.AddMinutes(4), Ct));
    }

    [Fact]
    public async Task Retention_removes_a_counter_idle_for_the_period_with_no_entry_left_and_numbering_restarts()
    {
        await using var store = await OpenAsync();
        var time = new FakeTimeProvider(Start);
        var turns = store.TurnStore(time);
        var runtime = store.RuntimeUserData([]);
        await turns.CommitAsync(Reply("idle"), Ct);
        await turns.CommitAsync(Reply("owed"), Ct);
        await store.Outbox.MarkDeliveredAsync(OutboxEntry.IdFor("idle", 1), Ct);
        time.Advance(TimeSpan.FromDays(3));
        await turns.CommitAsync(Reply("recent"), Ct);
        await store.Outbox.MarkDeliveredAsync(OutboxEntry.IdFor("recent", 1), Ct);

        Assert.Equal(1, await runtime.Retention.PurgeOlderThanAsync(Start.AddDays(1), Ct));

        // Only the idle conversation starts again at 1; the one still owed a reply and the recent one count on.
        await store.Outbox.MarkDeliveredAsync(OutboxEntry.IdFor("owed", 1), Ct);
        foreach (var conversation in new[] { "idle", "owed", "recent" })
        {
            await turns.CommitAsync(Reply(conversation), Ct);
        }

        var heads = (await store.Outbox.ListDueHeadsAsync(Start.AddDays(3), Ct)).ToDictionary(h => h.ConversationKey, h => h.Sequence);
        Assert.Equal(new Dictionary<string, long> { ["idle"] = 1, ["owed"] = 2, ["recent"] = 2 }, heads);
    }

    [Fact]
    public async Task Erasing_a_web_chat_user_removes_all_their_conversations_and_exports_them_first()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        var webChat = store.WebChatUserData(log);
        await SeedAsync(log, "d1", "u-1", Marker + " one", "two");
        await SeedAsync(log, "d2", "u-1", "three");
        await SeedAsync(log, "d3", "u-2", "other");

        var export = await webChat.Eraser.ExportUserDataAsync("webchat", "u-1", Ct);
        Assert.Equal(0, await webChat.Eraser.DeleteUserDataAsync("telegram", "u-1", Ct));
        var removed = await webChat.Eraser.DeleteUserDataAsync("webchat", "u-1", Ct);

        Assert.Equal(["d1", "d2"], export.AsArray().Select(c => c!["conversationId"]!.GetValue<string>()).Order());
        Assert.Contains(Marker + " one", export.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3 + 2, removed);
        Assert.False(await log.ConversationExistsAsync("d1", Ct));
        Assert.False(await log.ConversationExistsAsync("d2", Ct));
        Assert.Empty(await webChat.Directory.ConversationIdsOfAsync("u-1", Ct));
        Assert.Equal(["other"], (await log.ReadAsync("d3", null, Ct)).Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task Erasing_from_inside_a_web_chat_conversation_empties_it_but_keeps_it_open_with_its_watermark()
    {
        await using var store = await OpenAsync();
        var log = store.DirectLine(new FakeTimeProvider(Start));
        var webChat = store.WebChatUserData(log);
        await SeedAsync(log, "d1", "u-1", Marker, "reply", "/delete");
        await SeedAsync(log, "d2", "u-1", "older conversation");
        await SeedAsync(log, "d3", "u-2", "other");

        var removed = await webChat.Eraser.DeleteUserDataKeepingConversationAsync("webchat", "u-1", "d1", Ct);
        var confirmation = (await log.AppendAsync("d1", Message("webchat", "d1", "deleted"), null, Ct))!;

        Assert.Equal(3 + 1 + 1, removed);
        Assert.True(await log.ConversationExistsAsync("d1", Ct));
        Assert.False(await log.ConversationExistsAsync("d2", Ct));
        Assert.Equal(4L, confirmation.Watermark);
        Assert.Equal(["deleted"], (await log.ReadAsync("d1", null, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(["deleted"], (await log.ReadAsync("d1", 3, Ct)).Activities.Select(a => a.Text));
        Assert.Equal(["d1"], await webChat.Directory.ConversationIdsOfAsync("u-1", Ct));

        // Naming someone else's conversation keeps nothing and touches nothing of theirs: the person's own go entirely.
        Assert.Equal(2, await webChat.Eraser.DeleteUserDataKeepingConversationAsync("webchat", "u-1", "d3", Ct));
        Assert.Equal(["other"], (await log.ReadAsync("d3", null, Ct)).Activities.Select(a => a.Text));
        Assert.False(await log.ConversationExistsAsync("d1", Ct));
    }

    [Fact]
    public async Task Web_chat_retention_removes_old_activities_and_conversations_left_empty()
    {
        await using var store = await OpenAsync();
        var time = new FakeTimeProvider(Start);
        var log = store.DirectLine(time);
        var webChat = store.WebChatUserData(log);
        await SeedAsync(log, "d1", "u-1", "old");
        await SeedAsync(log, "d2", "u-2", "old too");
        time.Advance(TimeSpan.FromDays(10));
        await log.AppendAsync("d1", Message("webchat", "d1", "new"), null, Ct);
        await log.CreateConversationAsync("d3", "u-3", "en", Ct);

        Assert.Equal(0, await webChat.Retention.PurgeOlderThanAsync(Start.AddDays(-1), Ct));
        Assert.Equal(3, await webChat.Retention.PurgeOlderThanAsync(Start.AddDays(5), Ct));

        Assert.Equal(["new"], (await log.ReadAsync("d1", null, Ct)).Activities.Select(a => a.Text));
        Assert.False(await log.ConversationExistsAsync("d2", Ct));
        Assert.Empty(await webChat.Directory.ConversationIdsOfAsync("u-2", Ct));
        Assert.True(await log.ConversationExistsAsync("d3", Ct));
    }

    private static async Task SeedAsync(Channels.DirectLine.IDirectLineStore log, string conversation, string user, params string[] texts)
    {
        await log.CreateConversationAsync(conversation, user, "en", Ct);
        foreach (var text in texts)
        {
            await log.AppendAsync(conversation, Message("webchat", conversation, text), null, Ct);
        }
    }

    private static TurnCommit TelegramTurn(string chat, string update, params string[] replies) => new(
        $"telegram/conversations/{chat}",
        $"telegram|{update}",
        new Dictionary<string, StoredItem>
        {
            [$"telegram/conversations/{chat}"] = new($$"""{"lastQuestion":"{{Marker}}"}"""),
            [$"telegram/users/{chat}"] = new("""{"language":"sq"}"""),
        },
        [.. replies.Select(text => Addressed(chat, text))]);

    private static TurnCommit WebChatTurn(string conversation, string inbound, string reply) => new(
        $"webchat/conversations/{conversation}",
        inbound,
        new Dictionary<string, StoredItem> { [$"webchat/conversations/{conversation}"] = new("{}") },
        [Message("webchat", conversation, reply)]);

    private static Activity Addressed(string chat, string text) =>
        Message("telegram", chat, text) with { Recipient = new ChannelAccount(chat) };

    private static TurnCommit Reply(string conversation) =>
        new(conversation, null, new Dictionary<string, StoredItem>(), [Message("telegram", conversation, "reply")]);
}
