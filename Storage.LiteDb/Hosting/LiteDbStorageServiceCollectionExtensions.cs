using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Store;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Knowledge;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.Plan;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.Storage.LiteDb.State;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.LiteDb.Hosting;

/// <summary>Registers the LiteDB file (<c>IntegrationBot:Storage</c>) and the stores kept in it.</summary>
public static class LiteDbStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every store in the one LiteDB file: the <see cref="SharedLiteDatabase"/> (opened on first use, options
    /// bound by <c>AddDialogsRuntime</c>) and the <see cref="LiteDatabase"/> the Handoff and knowledge-editing stores
    /// write through, the runtime's state, turn and outbox stores (the memory ones when <c>Provider</c> is
    /// <c>memory</c>), the erasure checkpoint, the web chat log, the plan reminders, Handoff's and the knowledge editor's.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => LiteDbDatabaseFactory.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<LiteDatabase>(sp => sp.GetRequiredService<SharedLiteDatabase>().Database);
        // One process owns the file, so a conversation's turns are serialized in memory.
        services.TryAddSingleton<IConversationLock, KeyedAsyncLock>();
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

        services.AddSingleton<LiteDbDirectLineStore>();
        // The LiteDB file belongs to this process alone, so recent activities can be served from memory. A provider
        // shared by several instances (PostgreSQL) replaces this registration with its own store, without the tail.
        services.AddSingleton<IDirectLineStore>(sp => new TailedDirectLineStore(sp.GetRequiredService<LiteDbDirectLineStore>(), sp.GetRequiredService<RecentActivities>()));

        services.TryAddSingleton<LiteDbPlanReminderStore>();
        services.TryAddSingleton<IPlanReminderStore>(sp => sp.GetRequiredService<LiteDbPlanReminderStore>());

        services.AddLiteDbHandoffStores();
        services.TryAddSingleton<ITopicContentStore, LiteDbTopicContentStore>();
        services.TryAddSingleton<IDirectoryEntryStore, LiteDbDirectoryEntryStore>();
        services.TryAddSingleton<IBacklogDismissals, LiteDbBacklogDismissals>();
        return services;
    }

    private static bool UsesLiteDb(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageOptions.LiteDbProvider;

    private static bool UsesMemory(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageOptions.MemoryProvider;
}
