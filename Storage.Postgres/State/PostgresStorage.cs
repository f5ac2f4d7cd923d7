using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.State;

/// <summary><see cref="IStorage"/> in table <c>state</c>, with the same eTag rule as the LiteDB store.</summary>
public sealed class PostgresStorage(PostgresDatabase database, TimeProvider time) : IStorage
{
    public async Task<IReadOnlyDictionary<string, StoredItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(
            connection,
            "SELECT key, json, etag FROM state WHERE key = ANY(@keys)",
            r => (Key: r.GetString(0), Item: new StoredItem(r.GetString(1), r.GetString(2))),
            cancellationToken,
            ("keys", keys.ToArray()));
        return rows.ToDictionary(r => r.Key, r => r.Item, StringComparer.Ordinal);
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, StoredItem> changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        StorageConflictException? conflict;
        try
        {
            conflict = await StateRows.WriteCheckedAsync(connection, changes, time.GetUtcNow(), cancellationToken);
        }
        catch (PostgresException ex) when (Sql.IsRace(ex))
        {
            throw new StorageConflictException($"Storage conflict: another writer changed the same documents ({ex.SqlState}). Reload and retry.", ex);
        }

        if (conflict is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw conflict;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "DELETE FROM state WHERE key = ANY(@keys)", cancellationToken, ("keys", keys.ToArray()));
    }
}
