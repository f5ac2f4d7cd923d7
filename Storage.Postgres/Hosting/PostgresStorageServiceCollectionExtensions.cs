using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Live;
using IntegrationBot.Editing.Store;
using IntegrationBot.Handoff;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Postgres.DataProtection;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Handoff;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Postgres.Locking;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Postgres.Plan;
using IntegrationBot.Storage.Postgres.Privacy;
using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Postgres.State;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.Postgres.Hosting;

/// <summary>Every store in the shared PostgreSQL database (<c>IntegrationBot:Storage:Provider=postgres</c>).</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// The host calls this, <c>AddLiteDbStorage</c> or <c>AddMemoryStorage</c>, exactly one, anywhere among the module
    /// registrations. Validates the options at start, registers every store (state, turn store, outbox, conversation
    /// lock, Direct Line log, Data Protection key ring, plan reminders and counters, handoff queue, transcripts, unanswered questions, counselors,
    /// canned responses, knowledge editing, erasure and retention registrations), the schema migration that runs before
    /// any hosted service starts, and the LISTEN service that carries web chat, handoff and knowledge-base publishes
    /// between instances.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PostgresStorageOptions.SectionName);
        services.AddOptions<PostgresStorageOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value;
            return new PostgresDatabase(options.ConnectionString!, options.Schema);
        });
        // A lifecycle service: its StartingAsync runs before any hosted service's StartAsync, wherever it is registered,
        // so the schema exists before the outbox dispatcher or the listener start.
        services.AddHostedService<PostgresSchemaStartup>();

        services.AddSingleton<IStorage, PostgresStorage>();
        services.AddSingleton<ITurnStore, PostgresTurnStore>();
        services.AddSingleton<IOutboxStore>(sp => new PostgresOutboxStore(
            sp.GetRequiredService<PostgresDatabase>(),
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.OutboxLease));
        services.AddSingleton<IConversationLock, PostgresConversationLock>();
        services.AddSingleton<ITurnSessions, PostgresTurnSessions>();
        services.AddSingleton<PostgresDirectLineStore>();
        // Web chat streams and polls take recent activities from memory: this instance's appends as it makes them, the
        // others' from their notifications (DirectLineNotificationHandler). A host without the web chat channel has no
        // RecentActivities.
        services.AddSingleton<IDirectLineStore>(sp => sp.GetService<RecentActivities>() is { } recent
            ? new TailedDirectLineStore(sp.GetRequiredService<PostgresDirectLineStore>(), recent)
            : sp.GetRequiredService<PostgresDirectLineStore>());
        services.AddSingleton<IXmlRepository, PostgresDataProtectionKeys>();
        services.AddSingleton<IPlanReminderStore, PostgresPlanReminderStore>();
        services.AddSingleton<IPlanStatistics, PostgresPlanStatistics>();
        services.AddSingleton<ITopicStatistics, PostgresTopicStatistics>();
        // The runtime's eraser first: it asks the web chat directory for the person's conversations, which the web chat
        // eraser then deletes.
        services.AddSingleton<PostgresDialogsUserData>();
        services.AddPersonalData<PostgresDialogsUserData>();
        services.AddSingleton<PostgresDirectLineUserData>();
        services.AddSingleton<IUserConversationDirectory>(sp => sp.GetRequiredService<PostgresDirectLineUserData>());
        services.AddPersonalData<PostgresDirectLineUserData>();
        services.AddPersonalData<IPlanReminderStore>();
        AddHandoffStores(services);
        services.AddSingleton<ITopicContentStore, PostgresTopicContentStore>();
        services.AddSingleton<IBacklogDismissals, PostgresBacklogDismissals>();
        services.AddSingleton<IDirectoryEntryStore, PostgresDirectoryEntryStore>();

        // Live updates from other instances, to the web chat streams, the counselor consoles and the knowledge engine.
        services.AddSingleton<IPostgresNotificationHandler, DirectLineNotificationHandler>();
        services.AddSingleton<IPostgresNotificationHandler, HandoffNotificationHandler>();
        services.AddSingleton<IPostgresNotificationHandler, KnowledgeNotificationHandler>();
        services.AddSingleton<PostgresNotificationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNotificationListener>());
        return services;
    }

    private static void AddHandoffStores(IServiceCollection services)
    {
        services.AddSingleton(sp => new PostgresHandoffStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<OfficeHours>()));
        services.AddSingleton<PostgresTranscriptStore>();
        services.AddSingleton<PostgresUnansweredQuestionLog>();
        services.AddSingleton<IHandoffStore>(sp => sp.GetRequiredService<PostgresHandoffStore>());
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<PostgresTranscriptStore>());
        services.AddSingleton<IUnansweredQuestionLog>(sp => sp.GetRequiredService<PostgresUnansweredQuestionLog>());
        services.AddSingleton<ICounselorStore, PostgresCounselorStore>();
        services.AddSingleton<ICannedResponseStore, PostgresCannedResponseStore>();
        services.AddPersonalData<PostgresHandoffStore>();
        services.AddPersonalData<PostgresTranscriptStore>();
        services.AddPersonalData<PostgresUnansweredQuestionLog>();
    }
}
