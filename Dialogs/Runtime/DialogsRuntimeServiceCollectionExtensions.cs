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
    /// Binds <c>IntegrationBot:Storage</c> and <c>IntegrationBot:Outbox</c> (validated at start) and registers state,
    /// the one <see cref="TurnRunner"/> that runs every channel's and every proactive turn, and the outbox's background
    /// dispatcher; the host adds one storage provider for the stores themselves.
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
        // One retention period, stated in the privacy notice and applied by every store's purge.
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(PrivacyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InputOptions>()
            .Bind(configuration.GetSection(InputOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<IUnreachableRecipients, InMemoryUnreachableRecipients>();

        // The stores themselves come from the one storage provider the host adds (AddLiteDbStorage, AddMemoryStorage,
        // AddPostgresStorage).

        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<ConversationState>());
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<UserState>());
        services.TryAddSingleton<BotRuntime>();
        services.TryAddSingleton<TurnRunner>();

        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
