using System.Text.Json;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Numbered versions of edited items (topics, directory entries) in one table <c>(key, version, json)</c> with the key
/// and version as its primary key: what the topic and directory stores share.
/// </summary>
/// <param name="table">The table; a constant of the store, never input.</param>
/// <param name="keyColumn">The column holding the item's id; a constant of the store, never input.</param>
internal sealed class PostgresVersionedRows<T>(PostgresDatabase database, string table, string keyColumn, Func<T, string> key, Func<T, int> version)
    where T : class
{
    /// <summary>Inserts <paramref name="item"/> on <paramref name="connection"/> (in the caller's transaction, if any);
    /// false when its version exists already (a concurrent save won).</summary>
    public async Task<bool> InsertAsync(NpgsqlConnection connection, T item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return await Sql.ExecuteAsync(
            connection,
            $"INSERT INTO {table} ({keyColumn}, version, json) VALUES (@k, @v, @j) ON CONFLICT ({keyColumn}, version) DO NOTHING",
            cancellationToken,
            ("k", key(item)),
            ("v", version(item)),
            ("j", JsonSerializer.Serialize(item, HandoffJson.Options))) > 0;
    }

    public async Task<T?> GetAsync(string id, int number, CancellationToken cancellationToken) =>
        (await ListAsync($"SELECT json FROM {table} WHERE {keyColumn} = @k AND version = @v", cancellationToken, ("k", id), ("v", number))).FirstOrDefault();

    public async Task<T?> LatestAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync($"SELECT json FROM {table} WHERE {keyColumn} = @k ORDER BY version DESC LIMIT 1", cancellationToken, ("k", id))).FirstOrDefault();

    /// <summary>Every version of the item, oldest first.</summary>
    public Task<IReadOnlyList<T>> VersionsAsync(string id, CancellationToken cancellationToken) =>
        ListAsync($"SELECT json FROM {table} WHERE {keyColumn} = @k ORDER BY version", cancellationToken, ("k", id));

    public Task<IReadOnlyList<T>> LatestOfEachAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT DISTINCT ON ({keyColumn}) json FROM {table} ORDER BY {keyColumn}, version DESC", cancellationToken);

    /// <summary>Runs <paramref name="sql"/>, whose first column is a version's JSON.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, sql, Read, cancellationToken, parameters);
    }

    private static T Read(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize<T>(reader.GetString(0), HandoffJson.Options)
        ?? throw new InvalidDataException($"Stored {typeof(T).Name} is empty.");
}
