using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.LiteDb.Dashboard;
using IntegrationBot.Storage.LiteDb.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Storage.LiteDb.Hosting;

/// <summary>The counselor queue's stores in LiteDB, on the <c>LiteDB.LiteDatabase</c> the container holds.</summary>
public static class LiteDbHandoffStores
{
    /// <summary>
    /// Registers the queue, transcripts, unanswered questions, counselors, canned responses and dashboard counters, and
    /// the first three as erasers and purgeables. <see cref="LiteDbStorageServiceCollectionExtensions.AddLiteDbStorage"/>
    /// calls it; a host (or test) with only Handoff and its own <c>LiteDatabase</c> may call it alone.
    /// </summary>
    public static IServiceCollection AddLiteDbHandoffStores(this IServiceCollection services)
    {
        services.AddSingleton<LiteDbHandoffStore>();
        services.AddSingleton<IHandoffStore>(sp => sp.GetRequiredService<LiteDbHandoffStore>());
        services.AddSingleton<LiteDbTranscriptStore>();
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<LiteDbTranscriptStore>());
        services.AddSingleton<LiteDbUnansweredQuestionLog>();
        services.AddSingleton<IUnansweredQuestionLog>(sp => sp.GetRequiredService<LiteDbUnansweredQuestionLog>());
        services.AddSingleton<ICounselorStore, LiteDbCounselorStore>();
        services.AddSingleton<ICannedResponseStore, LiteDbCannedResponseStore>();
        services.AddPersonalData<LiteDbHandoffStore>();
        services.AddPersonalData<LiteDbTranscriptStore>();
        services.AddPersonalData<LiteDbUnansweredQuestionLog>();
        services.AddSingleton<IPlanStatistics, LiteDbPlanStatistics>();
        services.AddSingleton<ITopicStatistics, LiteDbTopicStatistics>();
        return services;
    }
}
