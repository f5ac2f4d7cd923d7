using IntegrationBot.Flows.Actions;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Commands;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Plan;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Flows;

/// <summary>Registers IntegrationBot's conversation flows as the host's <see cref="IBot"/>.</summary>
public static class FlowsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>IntegrationBot:Bot</c> and <c>IntegrationBot:Plan</c>; registers the bot, its middleware (input guard,
    /// transcript, relay), the localizer, the knowledge engine,
    /// and the <see cref="IUserMessenger"/> that turns counselor events into proactive turns. Needs <c>AddDialogsRuntime</c>, <c>AddHandoff</c> and a storage provider.
    /// </summary>
    public static IServiceCollection AddIntegrationBotFlows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FlowOptions>().Bind(configuration.GetSection(FlowOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlanOptions>().Bind(configuration.GetSection(PlanOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // The engine reads a long message for danger as far as the input guard and the channels read it.
        services.TryAddSingleton(sp => KnowledgeEngine.LoadDefault(new KnowledgeEngineOptions { MaxDangerReadLength = sp.GetRequiredService<IOptions<InputOptions>>().Value.MaxReadLength }));
        services.TryAddSingleton(sp => sp.GetRequiredService<KnowledgeEngine>().Catalog);
        services.TryAddSingleton(sp => OfficeInfoFrom(sp.GetRequiredService<IOptions<OfficeOptions>>().Value));
        services.TryAddSingleton(_ => Localizer.LoadEmbedded());
        services.TryAddSingleton(_ => PlanBook.LoadDefault());

        services.TryAddSingleton<FlowState>();
        services.TryAddSingleton<CommandReader>();
        services.TryAddSingleton<MenuFlow>();
        services.TryAddSingleton<CounselorFlow>();
        services.TryAddSingleton<TopicCounter>();
        services.TryAddSingleton<AnswerText>();
        services.TryAddSingleton<QuestionFlow>();
        services.TryAddSingleton<PrivacyNotice>();
        services.TryAddSingleton<LanguageChoice>();
        services.TryAddSingleton<LanguageRequestReader>();
        services.TryAddSingleton<TypedYesNoReader>();
        services.TryAddSingleton<EarlierButtons>();
        services.TryAddSingleton<QuestionParts>();
        services.TryAddSingleton<LanguageSwitchDialog>();
        services.TryAddSingleton<HandoffConsentDialog>();
        services.TryAddSingleton<QuestionRouter>();
        services.TryAddSingleton<PersonalDataEraser>();
        services.TryAddSingleton<PlanFlow>();
        services.TryAddSingleton<PlanCounter>();
        services.TryAddSingleton<IPlanStepTitles, PlanBookStepTitles>();
        services.TryAddSingleton(sp => new PlanReminderService(
            sp.GetRequiredService<IPlanReminderStore>(),
            sp.GetRequiredService<TurnRunner>(),
            sp.GetRequiredService<AssistantBot>,
            sp.GetRequiredService<PlanFlow>(),
            sp.GetRequiredService<IOptions<PlanOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PlanReminderService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<PlanReminderService>());
        services.AddSingleton<IHandoffPlan>(sp => new CounselorPlanAccess(
            sp.GetRequiredService<TurnRunner>,
            sp.GetRequiredService<AssistantBot>,
            sp.GetRequiredService<PlanBook>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PlanIntakeDialog>();
        services.TryAddSingleton<FlowDialogs>();

        // The button table: each feature adds its rows; a button action with two handlers fails at start.
        services.AddSingleton<IFlowActions, AnswerActions>();
        services.AddSingleton<IFlowActions, LanguageActions>();
        services.AddSingleton<IFlowActions, PrivacyActions>();
        services.AddSingleton<IFlowActions, CounselorActions>();
        services.AddSingleton<IFlowActions, PlanActions>();
        services.TryAddSingleton<FlowActionTable>();
        services.TryAddSingleton<AssistantBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<AssistantBot>());

        // Order matters: bad input is answered before anything is recorded or relayed.
        services.AddSingleton<IMiddleware, InputGuardMiddleware>();
        services.AddSingleton<IMiddleware, TranscriptMiddleware>();
        services.AddSingleton<IMiddleware, RelayMiddleware>();

        services.TryAddSingleton<IStaleTopicSource, KnowledgeStaleTopics>();

        services.AddSingleton<IUserMessenger>(sp => new HandoffNotifier(
            sp.GetRequiredService<TurnRunner>,
            sp.GetRequiredService<AssistantBot>,
            sp.GetRequiredService<OfficeInfo>()));
        services.TryAddSingleton<IDeliveryObserver>(sp => new CounselorDeliveryObserver(sp.GetRequiredService<HandoffQueue>));
        return services;
    }

    public static OfficeInfo OfficeInfoFrom(OfficeOptions office) =>
        new(NullIfBlank(office.Name), NullIfBlank(office.Address), NullIfBlank(office.HoursText), NullIfBlank(office.Phone), NullIfBlank(office.Email))
        {
            Names = office.Names.Where(n => !string.IsNullOrWhiteSpace(n.Value))
                .ToDictionary(n => n.Key.ToLowerInvariant(), n => n.Value.Trim(), StringComparer.Ordinal),
        };

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
