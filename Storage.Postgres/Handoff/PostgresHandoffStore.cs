using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>
/// Handoff requests in table <c>handoff_requests</c>. Updates are one conditional UPDATE on <c>version</c>, so of many
/// concurrent claims exactly one wins. Every insert and update also sends a NOTIFY in the same transaction, which
/// <see cref="PostgresHandoffListener"/> on the other instances turns into live console updates.
/// </summary>
public sealed class PostgresHandoffStore(PostgresDatabase database, OfficeHours office) : IHandoffStore
{
    private const string Columns = "json, version";

    public string Name => "handoffs";

    public async Task<HandoffRequest?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(connection, $"SELECT {Columns} FROM handoff_requests WHERE id = @id", Read, cancellationToken, ("id", id));
        return rows.SingleOrDefault();
    }

    public async Task<HandoffRequest?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(
            connection,
            $"SELECT {Columns} FROM handoff_requests WHERE conversation = @c AND status <> 'Closed' ORDER BY created_at LIMIT 1",
            Read,
            cancellationToken,
            ("c", PairKey(channelId, conversationId)));
        return rows.SingleOrDefault();
    }

    public async Task<IReadOnlyList<HandoffRequest>> ListAsync(HandoffStatus? status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return status is null
            ? await Sql.ListAsync(connection, $"SELECT {Columns} FROM handoff_requests ORDER BY created_at, id", Read, cancellationToken)
            : await Sql.ListAsync(connection, $"SELECT {Columns} FROM handoff_requests WHERE status = @s ORDER BY created_at, id", Read, cancellationToken, ("s", status.Value.ToString()));
    }

    public async Task<IReadOnlyList<HandoffRequest>> ListCreatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, $"SELECT {Columns} FROM handoff_requests WHERE created_at >= @since ORDER BY created_at, id", Read, cancellationToken, ("since", since.UtcTicks));
    }

    public async Task InsertAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_requests (id, json, status, conversation, user_key, created_at, version) VALUES (@id, @j, @s, @c, @u, @at, @v)",
            cancellationToken,
            ("id", request.Id),
            ("j", Serialize(request)),
            ("s", request.Status.ToString()),
            ("c", PairKey(request.Address.ChannelId, request.Address.ConversationId)),
            ("u", PairKey(request.Address.ChannelId, request.Address.UserId)),
            ("at", request.CreatedAt.UtcTicks),
            ("v", request.Version));
        await NotifyAsync(connection, new HandoffChange(request.Id, request.Status, "queued", null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<HandoffRequest?> TryUpdateAsync(HandoffRequest updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var stored = updated with { Version = updated.Version + 1 };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The CTE reads the status before the update, so the notification can say what kind of change this was.
        var previous = await Sql.ScalarAsync<string>(
            connection,
            """
            WITH before AS (SELECT id, status FROM handoff_requests WHERE id = @id AND version = @v FOR UPDATE)
            UPDATE handoff_requests AS r SET json = @j, status = @s, version = @v + 1
            FROM before WHERE r.id = before.id AND r.version = @v
            RETURNING before.status
            """,
            cancellationToken,
            ("id", updated.Id),
            ("v", updated.Version),
            ("j", Serialize(stored)),
            ("s", stored.Status.ToString()));
        if (previous is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await NotifyAsync(connection, new HandoffChange(stored.Id, stored.Status, KindOf(Enum.Parse<HandoffStatus>(previous), stored.Status), stored.AssignedCounselor), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_requests WHERE user_key = @u", cancellationToken, ("u", PairKey(channelId, userId)));
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var requests = await Sql.ListAsync(connection, $"SELECT {Columns} FROM handoff_requests WHERE user_key = @u ORDER BY created_at", Read, cancellationToken, ("u", PairKey(channelId, userId)));
        return JsonSerializer.SerializeToNode(requests, HandoffJson.Options) ?? new JsonArray();
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var expired = await Sql.ListAsync(
            connection,
            $"DELETE FROM handoff_requests WHERE created_at < @cutoff AND status = 'Closed' RETURNING {Columns}",
            Read,
            cancellationToken,
            ("cutoff", cutoff.UtcTicks));
        foreach (var added in HandoffDailyFold.Count(expired, office))
        {
            await AddToDailyAsync(connection, added, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }

    public async Task<IReadOnlyList<HandoffDailyCount>> DailyCountsAsync(DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_daily WHERE day >= @from ORDER BY day, id",
            r => Deserialize<HandoffDailyCount>(r.GetString(0)),
            cancellationToken,
            ("from", from));
    }

    private static async Task AddToDailyAsync(NpgsqlConnection connection, HandoffDailyCount added, CancellationToken cancellationToken)
    {
        var id = HandoffDailyFold.Key(added);
        var json = await Sql.ScalarAsync<string>(connection, "SELECT json FROM handoff_daily WHERE id = @id FOR UPDATE", cancellationToken, ("id", id));
        var merged = HandoffDailyFold.Add(json is null ? null : Deserialize<HandoffDailyCount>(json), added);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_daily (id, day, json) VALUES (@id, @day, @j) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            cancellationToken,
            ("id", id),
            ("day", added.Date),
            ("j", JsonSerializer.Serialize(merged, HandoffJson.Options)));
    }

    private async Task NotifyAsync(NpgsqlConnection connection, HandoffChange change, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new HandoffNotification(database.InstanceId, change), HandoffJson.Options);
        await Sql.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload)", cancellationToken, ("channel", database.HandoffChannel), ("payload", payload));
    }

    private static string KindOf(HandoffStatus before, HandoffStatus after) => (before, after) switch
    {
        (HandoffStatus.Waiting, HandoffStatus.Active) => "claimed",
        (HandoffStatus.Active, HandoffStatus.Waiting) => "released",
        (not HandoffStatus.Closed, HandoffStatus.Closed) => "closed",
        _ => "updated",
    };

    private static HandoffRequest Read(NpgsqlDataReader r) => Deserialize<HandoffRequest>(r.GetString(0)) with { Version = r.GetInt64(1) };

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, HandoffJson.Options);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, HandoffJson.Options) ?? throw new InvalidDataException("Stored document has no value.");

    private static string PairKey(string channelId, string id) => $"{channelId}|{id}";
}
