using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Privacy;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Bot.Tests.Privacy;

public sealed class ErasureTests
{
    [Fact]
    public async Task Erasing_a_web_chat_user_leaves_nothing_of_them_in_any_collection_and_keeps_others()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var (erased, erasedMarker) = await ChatWithMarkerAsync(host, "ERASEME-7f3a", ct);
        var (kept, keptMarker) = await ChatWithMarkerAsync(host, "KEEPME-19bd", ct);
        await AddDeadLetterTo(host, erased, erasedMarker + "-dead");
        Assert.Contains(erasedMarker, Dump(host));

        var data = new UserDataService(host.Services.GetServices<IUserDataEraser>());
        var export = (await data.ExportAsync("webchat", erased.UserId, ct)).ToJsonString();
        var removed = await data.DeleteAsync("webchat", erased.UserId, ct);

        Assert.Contains(erasedMarker, export, StringComparison.Ordinal);
        Assert.Contains(erasedMarker + "-dead", export, StringComparison.Ordinal);
        Assert.DoesNotContain(keptMarker, export, StringComparison.Ordinal);
        Assert.True(removed["dialogs"] > 0 && removed["webchat"] > 0, string.Join(", ", removed));
        var dump = Dump(host);
        Assert.DoesNotContain(erasedMarker, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(erased.UserId, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(erased.ConversationId, dump, StringComparison.Ordinal);
        Assert.Contains(keptMarker, dump, StringComparison.Ordinal);
        Assert.Contains(kept.ConversationId, dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erased_user_can_no_longer_read_their_conversation_while_others_still_chat()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var (erased, _) = await ChatWithMarkerAsync(host, "GONE-42", ct);
        var (kept, _) = await ChatWithMarkerAsync(host, "STAYS-42", ct);

        await new UserDataService(host.Services.GetServices<IUserDataEraser>()).DeleteAsync("webchat", erased.UserId, ct);

        using var read = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{erased.ConversationId}/activities", erased.Token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Client.SendAsync(read, ct)).StatusCode);
        var id = await ChatHost.IdOfAsync(await host.SendAsync(kept, "still here", ct), ct);
        await host.ReplyToAsync(kept, id, ct);
    }

    internal static async Task<(WebChat Chat, string Marker)> ChatWithMarkerAsync(ChatHost host, string marker, CancellationToken ct)
    {
        var chat = await host.OpenChatAsync(ct);
        var id = await ChatHost.IdOfAsync(await host.SendAsync(chat, marker, ct), ct);
        await host.ReplyToAsync(chat, id, ct);
        return (chat, marker);
    }

    /// <summary>A reply that could never be delivered still holds the person's text until erased or expired.</summary>
    internal static async Task AddDeadLetterTo(ChatHost host, WebChat chat, string text)
    {
        var activity = $$"""{"type":"message","channelId":"webchat","conversation":{"id":"{{chat.ConversationId}}"},"recipient":{"id":"{{chat.UserId}}"},"text":"{{text}}"}""";
        var created = DateTimeOffset.UtcNow.AddDays(-200).UtcTicks;
        await host.Get<SharedLiteDatabase>().WriteWithoutWaitingForDiskAsync(db => db.GetCollection("outbox_dead").Insert(new BsonDocument
        {
            ["_id"] = "webchat/conversations/" + chat.ConversationId + "#999999999999",
            ["conversation"] = "webchat/conversations/" + chat.ConversationId,
            ["sequence"] = 999_999_999_999L,
            ["channel"] = "webchat",
            ["activity"] = activity,
            ["status"] = "DeadLettered",
            ["attempts"] = 8,
            ["due"] = created,
            ["created"] = created,
            ["error"] = "test",
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>Every document of every collection as JSON, to search for what must be gone.</summary>
    internal static string Dump(ChatHost host)
    {
        // Through a read: it sees every write that completed, also those LiteDB commits behind the write journal.
        return host.Get<SharedLiteDatabase>().ReadBlocking(db =>
            string.Join('\n', db.GetCollectionNames().SelectMany(name => db.GetCollection(name).FindAll().Select(d => name + " " + LiteDB.JsonSerializer.Serialize(d)))));
    }
}
