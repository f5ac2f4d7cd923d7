using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>Registers the turn runtime, state, storage and outbox for a host.</summary>
public static class DialogsRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>IntegrationBot:Storage</c> and <c>IntegrationBot:Outbox</c> (validated at start) and registers storage
    /// (LiteDB by default, opened once on first use), state, the turn store, the outbox and its background dispatcher.
    /// Channels add their <see cref="IChannelSender"/>s; the host adds its <see cref="IBot"/>.
    /// </summary>
    public static IServiceCollection AddDialogsRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InputOptions>()
            .Bind(configuration.GetSection(InputOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<IConversationLock, KeyedAsyncLock>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<IUnreachableRecipients, InMemoryUnreachableRecipients>();

        services.TryAddSingleton(sp => LiteDbDatabaseFactory.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<MemoryStorage>();
        services.TryAddSingleton(sp => new MemoryTurnStore(sp.GetRequiredService<MemoryStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IStorage>(sp => UsesMemory(sp)
            ? sp.GetRequiredService<MemoryStorage>()
            : new LiteDbStorage(sp.GetRequiredService<SharedLiteDatabase>()));
        services.TryAddSingleton<ITurnStore>(sp => UsesMemory(sp)
            ? sp.GetRequiredService<MemoryTurnStore>()
            : new LiteDbTurnStore(sp.GetRequiredService<SharedLiteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOutboxStore>(sp => UsesMemory(sp)
            ? sp.GetRequiredService<MemoryTurnStore>()
            : new LiteDbOutboxStore(sp.GetRequiredService<SharedLiteDatabase>()));

        // Only a LiteDB file keeps erased text in old page copies (its log); memory and PostgreSQL register none.
        services.AddSingleton<IEnumerable<IErasureCheckpoint>>(sp => UsesLiteDb(sp)
            ? [new LiteDbErasureCheckpoint(sp.GetRequiredService<SharedLiteDatabase>(), sp.GetRequiredService<TimeProvider>())]
            : []);

        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<ConversationState>());
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<UserState>());
        services.TryAddSingleton<BotRuntime>();

        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static bool UsesLiteDb(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageOptions.LiteDbProvider;

    private static bool UsesMemory(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageOptions.MemoryProvider;
}
