using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Hosting;
using IntegrationBot.Storage.Postgres.Hosting;

namespace IntegrationBot.Bot.Hosting;

/// <summary>The one place the storage provider is chosen (<c>IntegrationBot:Storage:Provider</c>).</summary>
internal static class StorageChoice
{
    /// <summary>
    /// Registers every store of exactly one provider: <c>postgres</c>, <c>memory</c> (nothing on disk) or, by default,
    /// the LiteDB file. Each provider registers all its stores and live-update listeners itself, so the call may stand
    /// anywhere among the module registrations.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.SectionName)[nameof(StorageOptions.Provider)] switch
        {
            PostgresStorageOptions.PostgresProvider => services.AddPostgresStorage(configuration),
            StorageOptions.MemoryProvider => services.AddMemoryStorage(),
            _ => services.AddLiteDbStorage(),
        };
}
