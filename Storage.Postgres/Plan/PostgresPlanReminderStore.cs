using System.Text.Json.Nodes;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Plan;

/// <summary>
/// Plan reminder subscriptions in table <c>plan_reminders</c>, shared by every instance. A claim is one UPDATE over rows
/// locked with SKIP LOCKED, so two instances scanning at the same moment never claim the same conversation.
/// </summary>
public sealed class PostgresPlanReminderStore(PostgresDatabase database) : IPlanReminderStore
{
    public string Name => "planReminders";

    public async Task SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO plan_reminders (conversation, user_key, reference, due, updated, lease) VALUES (@c, @u, @r, @d, @t, NULL)
            ON CONFLICT (conversation) DO UPDATE SET user_key = excluded.user_key, reference = excluded.reference,
                due = excluded.due, updated = excluded.updated, lease = NULL
            """, cancellationToken,
            ("c", subscription.ConversationKey), ("u", subscription.UserKey), ("r", subscription.ReferenceJson),
            ("d", subscription.Due.UtcTicks), ("t", subscription.Updated.UtcTicks));
    }

    public async Task RemoveAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "DELETE FROM plan_reminders WHERE conversation = @c", cancellationToken, ("c", conversationKey));
    }

    public async Task<IReadOnlyList<ReminderSubscription>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, """
            UPDATE plan_reminders SET lease = @lease
            WHERE conversation IN (
                SELECT conversation FROM plan_reminders
                WHERE due <= @now AND (lease IS NULL OR lease < @now)
                ORDER BY due LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING conversation, user_key, reference, due, updated
            """, Read, cancellationToken, ("lease", now.Add(lease).UtcTicks), ("now", now.UtcTicks), ("max", max));
    }

    public async Task RescheduleAsync(string conversationKey, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "UPDATE plan_reminders SET due = @d, lease = NULL WHERE conversation = @c", cancellationToken,
            ("c", conversationKey), ("d", due.UtcTicks));
    }

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM plan_reminders WHERE user_key = @u", cancellationToken, ("u", $"{channelId}|{userId}"));
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(connection, "SELECT conversation, user_key, reference, due, updated FROM plan_reminders WHERE user_key = @u",
            Read, cancellationToken, ("u", $"{channelId}|{userId}"));
        return new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["conversation"] = r.ConversationKey, ["nextCheck"] = r.Due.ToString("O") })]);
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM plan_reminders WHERE updated < @c", cancellationToken, ("c", cutoff.UtcTicks));
    }

    private static ReminderSubscription Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero), new DateTimeOffset(r.GetInt64(4), TimeSpan.Zero));
}
