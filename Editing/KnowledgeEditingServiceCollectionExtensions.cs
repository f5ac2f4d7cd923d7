using IntegrationBot.Editing.Backlog;
using IntegrationBot.Editing.Editor;
using IntegrationBot.Editing.Export;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Live;
using IntegrationBot.Editing.Preview;
using IntegrationBot.Editing.Store;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationBot.Editing;

/// <summary>Registers knowledge-base editing; its stores come from the storage provider (AddLiteDbStorage, AddPostgresStorage).</summary>
public static class KnowledgeEditingServiceCollectionExtensions
{
    /// <summary>Call after the flows (which register the <c>KnowledgeEngine</c>) and Handoff (console sign-in).</summary>
    public static IServiceCollection AddKnowledgeEditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeEditingOptions>().Bind(configuration.GetSection(KnowledgeEditingOptions.SectionName))
            .Validate(o => o.ReviewPeriodDays >= 1, "IntegrationBot:Knowledge:ReviewPeriodDays must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectoryEditor>();
        services.AddSingleton<LiveKnowledge>();
        services.AddSingleton<LiveKnowledgeFollower>();
        services.AddSingleton<KnowledgeEditor>();
        services.AddSingleton<AnswerPreview>();
        services.AddSingleton<QuestionBacklog>();
        services.AddSingleton(sp => ContentExport.Shipped(sp.GetRequiredService<KnowledgeEngine>(), sp.GetRequiredService<ITopicContentStore>()));
        services.AddHostedService<LiveKnowledgeStartup>();
        return services;
    }
}
