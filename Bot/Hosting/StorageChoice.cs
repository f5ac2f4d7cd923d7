using IntegrationBot.Storage.LiteDb.Hosting;
using IntegrationBot.Storage.Postgres.Hosting;

namespace IntegrationBot.Bot.Hosting;

/// <summary>The one place the storage provider is chosen (<c>IntegrationBot:Storage:Provider</c>).</summary>
internal static class StorageChoice
{
    /// <summary>
    /// Registers every store of exactly one provider: PostgreSQL when <c>postgres</c>, else the LiteDB file (whose
    /// runtime stores are in memory when <c>memory</c>). Call after the modules: PostgreSQL adds its live-update
    /// listeners only for the modules registered.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration) =>
        configuration.GetSection(PostgresStorageOptions.SectionName).Get<PostgresStorageOptions>() is { IsSelected: true }
            ? services.AddPostgresStorage(configuration)
            : services.AddLiteDbStorage();
}
