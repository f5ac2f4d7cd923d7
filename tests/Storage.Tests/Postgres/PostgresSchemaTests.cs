using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Tests.Support;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>Schema creation at start: versioned, idempotent, safe when instances start together.</summary>
public sealed class PostgresSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var connectionString = PostgresServer.Require();
        var schema = PostgresServer.NewSchema();
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connectionString, schema)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureSchemaAsync(Ct))));
            await using var later = new PostgresDatabase(connectionString, schema);
            await later.EnsureSchemaAsync(Ct);

            await using var connection = await later.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
            var versions = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    versions.Add(reader.GetInt32(0));
                }
            }

            // Every migration exactly once, in order, whatever the number of migrations by now (5: plan reminders, 6: knowledge editing, 7: plan counters, 8: directory edits).
            Assert.True(versions.Count >= 8, string.Join(",", versions));
            Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            await PostgresServer.DropSchemaAsync(connectionString, schema);
        }
    }

    [Fact]
    public async Task Tables_live_in_the_configured_schema_only()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @s AND table_name = 'outbox'", connection);
        command.Parameters.AddWithValue("s", backend.Database.Schema);

        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }
}
