using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Store;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Storage.LiteDb.Backup;
using IntegrationBot.Storage.LiteDb.DataProtection;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Knowledge;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.Plan;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.Storage.LiteDb.State;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.LiteDb.Hosting;

/// <summary>
/// The two single-process storage choices: the LiteDB file (<see cref="AddLiteDbStorage"/>) and memory
/// (<see cref="AddMemoryStorage"/>). A host calls one of them, or <c>AddPostgresStorage</c>, and nothing else registers a store.
/// </summary>
public static class LiteDbStorageServiceCollectionExtensions
{
    /// <summary>
    /// Every store in the one LiteDB file <c>integrationbot.db</c> (<c>IntegrationBot:Storage</c>, options bound by
    /// <c>AddDialogsRuntime</c>; opened on first use): the runtime's state, turn and outbox stores with their eraser,
    /// the erasure checkpoint and the online backup, then the stores <see cref="AddMemoryStorage"/> keeps in memory too.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => LiteDbDatabaseFactory.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IStorage>(sp => new LiteDbStorage(sp.GetRequiredService<SharedLiteDatabase>()));
        services.AddSingleton<ITurnStore>(sp => new LiteDbTurnStore(sp.GetRequiredService<SharedLiteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOutboxStore>(sp => new LiteDbOutboxStore(sp.GetRequiredService<SharedLiteDatabase>()));
        // Only a file keeps erased text in old page copies (its log); memory and PostgreSQL register no checkpoint.
        services.AddSingleton<IErasureCheckpoint>(sp => new LiteDbErasureCheckpoint(sp.GetRequiredService<SharedLiteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        // Only the file is backed up by the host itself (memory keeps nothing; PostgreSQL has pg_dump).
        services.AddSingleton<IStoreBackup, LiteDbBackup>();
        // The runtime's eraser first: it asks the web chat directory for the person's conversations, which the web chat
        // eraser (registered next, by AddSharedStores) then deletes.
        services.AddSingleton<DialogsUserData>();
        services.AddPersonalData<DialogsUserData>();
        return services.AddSharedStores();
    }

    /// <summary>
    /// Every store without a file (<c>Provider=memory</c>, tests and benchmarks): the runtime's memory state, turn and
    /// outbox stores, and the other stores (web chat log, plan reminders, Handoff's, the knowledge editor's) as in
    /// <see cref="AddLiteDbStorage"/> but on a LiteDB database held in memory. Nothing is written to the data directory.
    /// </summary>
    public static IServiceCollection AddMemoryStorage(this IServiceCollection services)
    {
        services.AddSingleton(_ => LiteDbDatabaseFactory.OpenInMemory());
        services.AddSingleton<MemoryStorage>();
        services.AddSingleton(sp => new MemoryTurnStore(sp.GetRequiredService<MemoryStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<MemoryStorage>());
        // The web chat log is in the LiteDB database in memory: the commit writes a reply's line there, as on the file.
        services.AddSingleton<ITurnStore>(sp => new WebChatLinesTurnStore(
            sp.GetRequiredService<MemoryTurnStore>(), sp.GetRequiredService<SharedLiteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<MemoryTurnStore>());
        // The key ring too (Data Protection takes a registered IXmlRepository): no key files in the data directory.
        services.AddSingleton<IXmlRepository, MemoryDataProtectionKeys>();
        return services.AddSharedStores();
    }

    private static IServiceCollection AddSharedStores(this IServiceCollection services)
    {
        // One process owns the database, so a conversation's turns are serialized in memory.
        services.AddSingleton<IConversationLock, KeyedAsyncLock>();

        services.AddSingleton<LiteDbDirectLineStore>();
        // The database belongs to this process alone, so every append goes through this instance's memory of recent
        // activities, from which the web chat channel's streams are served. A host without the web chat channel
        // (the console chat) has no RecentActivities and no streams to serve.
        services.AddSingleton<IDirectLineStore>(sp => sp.GetService<RecentActivities>() is { } recent
            ? new TailedDirectLineStore(sp.GetRequiredService<LiteDbDirectLineStore>(), recent)
            : sp.GetRequiredService<LiteDbDirectLineStore>());
        services.AddSingleton<DirectLineUserData>();
        services.AddSingleton<IUserConversationDirectory>(sp => sp.GetRequiredService<DirectLineUserData>());
        services.AddPersonalData<DirectLineUserData>();

        services.AddSingleton<LiteDbPlanReminderStore>();
        services.AddSingleton<IPlanReminderStore>(sp => sp.GetRequiredService<LiteDbPlanReminderStore>());
        services.AddPersonalData<LiteDbPlanReminderStore>();

        services.AddLiteDbHandoffStores();
        services.AddSingleton<ITopicContentStore, LiteDbTopicContentStore>();
        services.AddSingleton<IDirectoryEntryStore, LiteDbDirectoryEntryStore>();
        services.AddSingleton<IBacklogDismissals, LiteDbBacklogDismissals>();
        return services;
    }
}
