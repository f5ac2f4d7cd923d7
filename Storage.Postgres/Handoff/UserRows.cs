using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>
/// A handoff table whose rows each belong to one person (<c>user_key</c> = <c>channel|user</c>), carry a time
/// (<c>at</c>, UTC ticks) and a record as JSON: the person's rights (erasure, export) and retention are the same for
/// every such table.
/// </summary>
/// <param name="table">A table name from the schema, never user input: it goes into the SQL text.</param>
internal sealed class UserRows<T>(PostgresDatabase database, string table)
    where T : class
{
    public string KeyOf(string channelId, string userId) => UserKeys.Of(channelId, userId);

    public T Read(string json) =>
        JsonSerializer.Deserialize<T>(json, HandoffJson.Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");

    public async Task<int> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, $"DELETE FROM {table} WHERE user_key = @u", cancellationToken, ("u", KeyOf(channelId, userId)));
    }

    /// <summary>The person's records, oldest first (the serial id keeps rows with equal times in write order).</summary>
    public async Task<JsonNode> ExportAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var records = await Sql.ListAsync(
            connection,
            $"SELECT json FROM {table} WHERE user_key = @u ORDER BY at, id",
            r => Read(r.GetString(0)),
            cancellationToken,
            ("u", KeyOf(channelId, userId)));
        return JsonSerializer.SerializeToNode(records, HandoffJson.Options) ?? new JsonArray();
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, $"DELETE FROM {table} WHERE at < @cutoff", cancellationToken, ("cutoff", cutoff.UtcTicks));
    }
}
