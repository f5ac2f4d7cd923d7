using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Viber;

/// <summary>Registers the Viber channel and maps its webhook.</summary>
public static class ViberChannelExtensions
{
    public static IServiceCollection AddViberChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PersonChannel(ViberActivityMapper.ChannelId));
        // Checked at start like Telegram's: read first by the webhook registration, a bad value failed inside the
        // host's start with its stack trace.
        services.AddOptions<ViberOptions>()
            .Bind(configuration.GetSection(ViberOptions.Section))
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "IntegrationBot:Channels:Viber:SendTimeout must be positive.")
            .Validate(o => o.Pacing is { IsUsable: true },
                "IntegrationBot:Channels:Viber:Pacing needs positive MessagesPerSecond and PerChatPerSecond and a PerChatBurst of at least 1.")
            .ValidateOnStart();
        services.Configure<ChannelsOptions>(configuration.GetSection(ChannelsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IViberSubscribers, ViberSubscribers>();
        services.TryAddSingleton<IUnreachableRecipients, InMemoryUnreachableRecipients>();
        services.TryAddSingleton<BotInbound>();
        services.TryAddKeyedSingleton<IInboundActivityHandler>(ViberActivityMapper.ChannelId,
            (sp, _) => sp.GetRequiredService<BotInbound>());
        services.TryAddSingleton<ViberWelcome>();
        services.TryAddKeyedSingleton<IWelcomeActivitySource>(ViberActivityMapper.ChannelId,
            (sp, _) => sp.GetRequiredService<ViberWelcome>());
        services.AddSingleton<IChannelSender, ViberChannelSender>();
        // The auth token travels in a header; no default HttpClient loggers, so no level can ever write it out.
        services.AddHttpClient<IViberClient, ViberClient>()
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => ChannelConnections.Handler(sp.GetRequiredService<IOptions<ViberOptions>>().Value.SendTimeout))
            .AddResilienceHandler("viber", (b, context) => HttpResilience.Configure(b,
                context.ServiceProvider.GetRequiredService<IOptions<ViberOptions>>().Value.SendTimeout));
        services.AddHostedService<ViberWebhookRegistration>();
        return services;
    }

    /// <summary>Always mapped; answers 404 unless an auth token is configured. Marked as a chat webhook, so the host's
    /// shutdown gate and body-size cap apply.</summary>
    public static IEndpointConventionBuilder MapViberWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(ViberWebhookEndpoint.Path, ViberWebhookEndpoint.HandleAsync).AsChatWebhook();
}
