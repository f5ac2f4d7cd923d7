using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Hosting;

namespace IntegrationBot.Storage.Postgres.Hosting;

/// <summary>Migrates the schema while the host starts, so an unreachable database stops the start instead of the first turn.</summary>
public sealed class PostgresSchemaStartup(PostgresDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
