using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.State;

/// <summary>
/// The eTag rule of <see cref="StoredItem"/> as conditional SQL, shared by storage and the turn store. Each write is one
/// statement whose WHERE clause PostgreSQL re-checks after waiting for a concurrent writer, so two writers holding the
/// same eTag cannot both succeed.
/// </summary>
internal static class StateRows
{
    /// <summary>Writes every change in the open transaction; returns the first conflict (then the caller rolls back) or null.
    /// <paramref name="now"/> becomes the rows' <c>updated</c> time, which the retention purge of idle state reads.</summary>
    public static async Task<StorageConflictException?> WriteCheckedAsync(NpgsqlConnection connection, IReadOnlyDictionary<string, StoredItem> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A fixed order keeps two turns that touch the same keys from deadlocking.
        foreach (var (key, item) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var etag = Guid.NewGuid().ToString("N");
            var sql = item.ETag switch
            {
                StoredItem.AnyETag => "INSERT INTO state (key, json, etag, updated) VALUES (@k, @j, @e, @u) ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated",
                null => "INSERT INTO state (key, json, etag, updated) VALUES (@k, @j, @e, @u) ON CONFLICT (key) DO NOTHING",
                _ => "UPDATE state SET json = @j, etag = @e, updated = @u WHERE key = @k AND etag = @expected",
            };
            var written = await Sql.ExecuteAsync(connection, sql, cancellationToken, ("k", key), ("j", item.Json), ("e", etag), ("u", now.UtcTicks), ("expected", item.ETag));
            if (written == 0)
            {
                var actual = await Sql.ScalarAsync<string>(connection, "SELECT etag FROM state WHERE key = @k", cancellationToken, ("k", key));
                return new StorageConflictException(key, item.ETag, actual);
            }
        }

        return null;
    }
}
