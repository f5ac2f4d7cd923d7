using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Privacy;
using LiteDB;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Erasure, export and retention for the web chat log: a person's conversations (found by the user id in the token)
/// and every activity in them; activities older than the retention period expire.
/// </summary>
public sealed class DirectLineUserData(SharedLiteDatabase database, IDirectLineStore store)
    : IUserDataEraser, IRetentionPurgeable, IUserConversationDirectory
{
    // The collection the LiteDB store keeps conversations in; UserId is a field of its documents.
    private const string Conversations = "directline_conversations";

    public string Name => "webchat";

    public string ChannelId => DirectLineAdapter.ChannelId;

    public Task<IReadOnlyList<string>> ConversationIdsOfAsync(string userId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            db => [.. db.GetCollection(Conversations).Find(Query.EQ("UserId", userId)).Select(d => d["_id"].AsString)],
            cancellationToken);

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        if (channelId != ChannelId)
        {
            return 0;
        }

        var removed = 0;
        foreach (var conversationId in await ConversationIdsOfAsync(userId, cancellationToken))
        {
            removed += (await store.ReadAsync(conversationId, null, cancellationToken)).Activities.Count + 1;
            await store.DeleteConversationAsync(conversationId, cancellationToken);
        }

        return removed;
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var export = new JsonArray();
        if (channelId != ChannelId)
        {
            return export;
        }

        foreach (var conversationId in await ConversationIdsOfAsync(userId, cancellationToken))
        {
            var page = await store.ReadAsync(conversationId, null, cancellationToken);
            var activities = new JsonArray([.. page.Activities.Select(a => JsonNode.Parse(ActivityJson.Serialize(a)))]);
            export.Add(new JsonObject { ["conversationId"] = conversationId, ["activities"] = activities });
        }

        return export;
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.PurgeOlderThanAsync(cutoff, cancellationToken);
}
