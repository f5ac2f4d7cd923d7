using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// The web chat activity log in PostgreSQL. Appending bumps <c>last_seq</c> of the conversation row first; that row lock
/// orders concurrent appends from any instance, so sequence numbers (the watermarks) have no gaps or repeats.
/// </summary>
public sealed class PostgresDirectLineStore(PostgresDatabase database, TimeProvider time) : IDirectLineStore
{
    public async Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(
            connection,
            "INSERT INTO directline_conversations (id, user_id, locale, last_seq, created_at) VALUES (@id, @u, @l, 0, @at) ON CONFLICT (id) DO NOTHING",
            cancellationToken,
            ("id", conversationId),
            ("u", userId),
            ("l", locale),
            ("at", time.GetUtcNow().UtcTicks)) == 1;
    }

    public async Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync<string>(connection, "SELECT locale FROM directline_conversations WHERE id = @id", cancellationToken, ("id", conversationId));
    }

    public async Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync<int>(connection, "SELECT 1 FROM directline_conversations WHERE id = @id", cancellationToken, ("id", conversationId)) == 1;
    }

    public async Task<AppendedActivity> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seq = await Sql.ScalarAsync<long>(
            connection,
            """
            INSERT INTO directline_conversations (id, user_id, locale, last_seq, created_at) VALUES (@id, '', NULL, 1, @at)
            ON CONFLICT (id) DO UPDATE SET last_seq = directline_conversations.last_seq + 1
            RETURNING last_seq
            """,
            cancellationToken,
            ("id", conversationId),
            ("at", now.UtcTicks));

        // Checked under the conversation row lock, so two instances appending the same key cannot both miss it.
        if (dedupeKey is not null)
        {
            var seen = await Sql.ListAsync(
                connection,
                "SELECT seq, json FROM directline_activities WHERE conversation_id = @c AND dedupe_key = @d",
                r => (Seq: r.GetInt64(0), Json: r.GetString(1)),
                cancellationToken,
                ("c", conversationId),
                ("d", dedupeKey));
            if (seen.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new AppendedActivity(ActivityJson.Deserialize(seen[0].Json)!, seen[0].Seq, IsNew: false);
            }
        }

        var stored = activity with
        {
            Id = $"{conversationId}|{seq:D7}",
            Timestamp = activity.Timestamp ?? now,
            Conversation = new ConversationAccount(conversationId),
        };
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO directline_activities (conversation_id, seq, dedupe_key, stored_at, json) VALUES (@c, @s, @d, @at, @j)",
            cancellationToken,
            ("c", conversationId),
            ("s", seq),
            ("d", dedupeKey),
            ("at", now.UtcTicks),
            ("j", ActivityJson.Serialize(stored)));
        // Sent on commit only, so other instances wake their streams exactly when the activity is readable.
        await Sql.ExecuteAsync(
            connection,
            "SELECT pg_notify(@channel, @payload)",
            cancellationToken,
            ("channel", database.DirectLineChannel),
            ("payload", database.InstanceId + "\n" + conversationId));
        await transaction.CommitAsync(cancellationToken);
        return new AppendedActivity(stored, seq, IsNew: true);
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var after = watermark ?? 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(
            connection,
            "SELECT seq, json FROM directline_activities WHERE conversation_id = @c AND seq > @after ORDER BY seq",
            r => (Seq: r.GetInt64(0), Json: r.GetString(1)),
            cancellationToken,
            ("c", conversationId),
            ("after", after));
        var last = rows.Count > 0 ? rows[^1].Seq : after;
        return new ActivityPage([.. rows.Select(r => ActivityJson.Deserialize(r.Json)!)], last);
    }

    public async Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE conversation_id = @c", cancellationToken, ("c", conversationId));
        await Sql.ExecuteAsync(connection, "DELETE FROM directline_conversations WHERE id = @c", cancellationToken, ("c", conversationId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken)
    {
        // The conversation row stays: its last_seq keeps the ids of later appends after every watermark handed out.
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE conversation_id = @c", cancellationToken, ("c", conversationId));
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE stored_at < @cutoff", cancellationToken, ("cutoff", cutoff.UtcTicks));
    }
}
