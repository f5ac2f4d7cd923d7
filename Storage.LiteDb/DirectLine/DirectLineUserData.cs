using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using LiteDB;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.DirectLine;

/// <summary>
/// Erasure, export and retention for the web chat log: a person's conversations (found by the user id in the token)
/// and every activity in them; activities older than the retention period expire.
/// </summary>
public sealed class DirectLineUserData(SharedLiteDatabase database, IDirectLineStore store)
    : IConversationKeepingEraser, IRetentionPurgeable, IUserConversationDirectory
{
    // The collections the LiteDB store keeps conversations and activities in; UserId and ConversationId are fields.
    private const string Conversations = "directline_conversations";
    private const string Activities = "directline_activities";

    public string Name => "webchat";

    public string ChannelId => DirectLineInbox.ChannelId;

    public Task<IReadOnlyList<string>> ConversationIdsOfAsync(string userId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            db => [.. db.GetCollection(Conversations).Find(LiteDbQueries.Equal("UserId", userId)).Select(d => d["_id"].AsString)],
            cancellationToken);

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        DeleteAsync(channelId, userId, kept: null, cancellationToken);

    public Task<int> DeleteUserDataKeepingConversationAsync(string channelId, string userId, string conversationId, CancellationToken cancellationToken) =>
        DeleteAsync(channelId, userId, conversationId, cancellationToken);

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

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = await store.PurgeOlderThanAsync(cutoff, cancellationToken);
        // A conversation older than the period with nothing left in it only links a user id to a locale: it goes too.
        var limit = cutoff.UtcDateTime;
        var old = LiteDbBatchedScan.Before("CreatedAt", limit);
        return removed + await LiteDbBatchedScan.ForEachBatchAsync(database, Conversations, (db, batch) =>
        {
            var activities = db.GetCollection(Activities);
            var conversations = db.GetCollection(Conversations);
            return batch.Where(old).Select(d => d["_id"].AsString)
                .Where(id => !activities.Exists(LiteDbDirectLineStore.LinesOfConversation(id)))
                .ToList()
                .Count(id => conversations.Delete(id));
        }, cancellationToken);
    }

    private async Task<int> DeleteAsync(string channelId, string userId, string? kept, CancellationToken cancellationToken)
    {
        if (channelId != ChannelId)
        {
            return 0;
        }

        var removed = 0;
        foreach (var conversationId in await ConversationIdsOfAsync(userId, cancellationToken))
        {
            if (conversationId == kept)
            {
                // Only the activities go: the conversation keeps its sequence, so what is appended next is read.
                removed += await store.ClearActivitiesAsync(conversationId, cancellationToken);
                continue;
            }

            removed += (await store.ReadAsync(conversationId, null, cancellationToken)).Activities.Count + 1;
            await store.DeleteConversationAsync(conversationId, cancellationToken);
        }

        return removed;
    }
}
