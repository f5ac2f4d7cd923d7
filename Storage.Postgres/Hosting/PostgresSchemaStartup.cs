using System.Net.Sockets;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Hosting;

/// <summary>
/// Migrates the schema while the host starts, so an unreachable database stops the start instead of the first turn.
/// The failure becomes a <see cref="StorageOpenException"/> (the host's "storage unavailable" exit) naming the setting,
/// host, database and schema, never the password.
/// </summary>
public sealed class PostgresSchemaStartup(PostgresDatabase database, Microsoft.Extensions.Options.IOptions<PostgresStorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.EnsureSchemaAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            var target = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
            throw new StorageOpenException(
                $"Cannot open the PostgreSQL database of IntegrationBot:Storage:ConnectionString (host '{target.Host}', port {target.Port}, database '{target.Database}', schema '{database.Schema}'): {ex.Message}",
                ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
