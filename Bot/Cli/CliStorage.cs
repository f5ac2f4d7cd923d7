using IntegrationBot.Storage.Postgres.Hosting;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Cli;

/// <summary>
/// The commands use the storage provider the host is configured with (<c>StorageChoice.AddStorage</c>): a counselor
/// added on a PostgreSQL deployment must land in PostgreSQL, not in a LiteDB file nobody reads.
/// </summary>
internal static class CliStorage
{
    /// <summary>What the host's start does for storage, since a command runs no hosted services: PostgreSQL migrates its schema.</summary>
    public static async Task StartAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        if (provider.GetService<PostgresDatabase>() is { } database)
        {
            await new PostgresSchemaStartup(database, provider.GetRequiredService<IOptions<PostgresStorageOptions>>()).StartingAsync(cancellationToken);
        }
    }
}
