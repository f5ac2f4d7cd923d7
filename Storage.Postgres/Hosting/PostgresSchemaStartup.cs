using System.Net.Sockets;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Hosting;

/// <summary>
/// Migrates the schema while the host starts, so an unreachable database stops the start instead of the first turn. It
/// runs in <see cref="StartingAsync"/>, which the host calls before any hosted service's <c>StartAsync</c>, so the outbox
/// dispatcher and the listener find the schema wherever this service was registered.
/// The failure becomes a <see cref="StorageOpenException"/> (the host's "storage unavailable" exit) naming the setting,
/// host, database and schema, never the password.
/// </summary>
public sealed class PostgresSchemaStartup(PostgresDatabase database, Microsoft.Extensions.Options.IOptions<PostgresStorageOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
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

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
