using System.Text.Json.Nodes;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Privacy;

/// <summary>
/// Erasure, export and retention of the web chat log in PostgreSQL, as <c>DirectLineUserData</c> does for LiteDB:
/// a person's conversations (by the user id of their token) and every activity in them. What is erased goes from this
/// instance's memory of recent activities too (<paramref name="recent"/>, when the host serves web chat) and, by a
/// notification in the same transaction, from the other instances'.
/// </summary>
public sealed class PostgresDirectLineUserData(PostgresDatabase database, RecentActivities? recent = null)
    : IConversationKeepingEraser, IRetentionPurgeable, IUserConversationDirectory
{
    public string Name => "webchat";

    public string ChannelId => DirectLineInbox.ChannelId;

    public async Task<IReadOnlyList<string>> ConversationIdsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(
            connection,
            "SELECT id FROM directline_conversations WHERE user_id = @u ORDER BY id",
            r => r.GetString(0),
            cancellationToken,
            ("u", userId));
    }

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

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(
            connection,
            """
            SELECT c.id, a.json FROM directline_conversations c
            LEFT JOIN directline_activities a ON a.conversation_id = c.id
            WHERE c.user_id = @u ORDER BY c.id, a.seq
            """,
            r => (Conversation: r.GetString(0), Json: r.IsDBNull(1) ? null : r.GetString(1)),
            cancellationToken,
            ("u", userId));
        foreach (var conversation in rows.GroupBy(r => r.Conversation))
        {
            var activities = new JsonArray([
                .. conversation.Where(r => r.Json is not null).Select(r => JsonNode.Parse(ActivityJson.Serialize(ActivityJson.Deserialize(r.Json!)!))),
            ]);
            export.Add(new JsonObject { ["conversationId"] = conversation.Key, ["activities"] = activities });
        }

        return export;
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE stored_at < @cutoff", cancellationToken, ("cutoff", cutoff.UtcTicks));
        // A conversation older than the period with nothing left in it only links a user id to a locale: it goes too.
        removed += await Sql.ExecuteAsync(
            connection,
            "DELETE FROM directline_conversations c WHERE c.created_at < @cutoff AND NOT EXISTS (SELECT 1 FROM directline_activities a WHERE a.conversation_id = c.id)",
            cancellationToken,
            ("cutoff", cutoff.UtcTicks));
        if (removed > 0)
        {
            await PostgresDirectLineStore.NotifyAsync(database, connection, DirectLineNotification.ErasedAny(database.InstanceId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (removed > 0)
        {
            // What the log no longer has must not be served from memory.
            recent?.Clear();
            database.WebChatLines.Clear();
        }

        return removed;
    }

    /// <summary>Counts like the LiteDB eraser: every activity, plus one per conversation removed.</summary>
    private async Task<int> DeleteAsync(string channelId, string userId, string? kept, CancellationToken cancellationToken)
    {
        if (channelId != ChannelId)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var conversations = await Sql.ListAsync(
            connection, "SELECT id FROM directline_conversations WHERE user_id = @u", r => r.GetString(0), cancellationToken, ("u", userId));
        Forget(conversations);
        var removed = await Sql.ExecuteAsync(
            connection,
            "DELETE FROM directline_activities WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE user_id = @u)",
            cancellationToken,
            ("u", userId));
        // The kept conversation's row holds its watermark (last_seq): the confirmation appended next is read from there on.
        removed += await Sql.ExecuteAsync(
            connection,
            "DELETE FROM directline_conversations WHERE user_id = @u AND id IS DISTINCT FROM @kept",
            cancellationToken,
            ("u", userId),
            ("kept", kept));
        foreach (var conversationId in conversations)
        {
            await PostgresDirectLineStore.NotifyAsync(database, connection, DirectLineNotification.Erased(database.InstanceId, conversationId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        // Again: an append that raced with the erasure must not keep what was erased in memory.
        Forget(conversations);
        return removed;
    }

    private void Forget(IEnumerable<string> conversationIds)
    {
        foreach (var conversationId in conversationIds)
        {
            recent?.Erased(conversationId);
            database.WebChatLines.Forget(conversationId);
            // A message posted before the erasure whose turn (e.g. this very "yes, delete") has not committed yet.
            database.WebChatEchoes.Erase(conversationId);
        }
    }
}
