using Npgsql;

namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// Applies the numbered <see cref="Migrations"/> that table <c>schema_migrations</c> does not list yet, all in one
/// transaction under a database-wide advisory lock, so instances starting together migrate once.
/// </summary>
internal static class SchemaMigrator
{
    // Two-integer advisory keys live in a different lock space from the bigint conversation locks.
    private const int LockClass = 0x1B07;
    private const int MigrationLock = 1;

    public static async Task MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockClass}, {MigrationLock})", cancellationToken);
        // The schema name is validated as a plain identifier by the options validator; quoting keeps it exact.
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var migration in Migrations.All.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", connection);
            record.Parameters.AddWithValue("v", migration.Version);
            record.Parameters.AddWithValue("n", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
