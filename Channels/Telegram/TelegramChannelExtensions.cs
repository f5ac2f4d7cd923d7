using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Registers the Telegram channel and maps its webhook.</summary>
public static class TelegramChannelExtensions
{
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PersonChannel(TelegramActivityMapper.ChannelId));
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.Section))
            .Validate(o => o.WebhookSecret is null || TelegramOptions.IsValidSecret(o.WebhookSecret),
                "IntegrationBot:Channels:Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ -.")
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "IntegrationBot:Channels:Telegram:SendTimeout must be positive.")
            .Validate(o => o.Pacing is { IsUsable: true },
                "IntegrationBot:Channels:Telegram:Pacing needs positive MessagesPerSecond and PerChatPerSecond and a PerChatBurst of at least 1.")
            .Validate(o => o.Mode is TelegramOptions.WebhookMode or TelegramOptions.PollingMode,
                "IntegrationBot:Channels:Telegram:Mode must be 'webhook' or 'polling'.")
            // Without it the webhook is never registered and POST /api/telegram refuses every update: a channel
            // that is on but deaf, with nothing in the log.
            .Validate(o => !o.IsEnabled || o.IsPolling || !string.IsNullOrEmpty(o.WebhookSecret),
                "IntegrationBot:Channels:Telegram:WebhookSecret is not set: with a Token and Mode 'webhook' (the default) "
                + "Telegram's updates are refused without it, so nobody would get an answer there; set 1-256 characters of "
                + "A-Z a-z 0-9 _ - (any random string), or Mode 'polling' for a machine Telegram cannot reach.")
            .ValidateOnStart();
        services.Configure<ChannelsOptions>(configuration.GetSection(ChannelsOptions.Section));
        services.AddSingleton<IValidateOptions<TelegramOptions>, PublicBaseUrlValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICallbackDataStore, InMemoryCallbackDataStore>();
        services.TryAddSingleton<IUnreachableRecipients, InMemoryUnreachableRecipients>();
        services.TryAddSingleton<TelegramClientFactory>();
        services.TryAddSingleton<RepeatedTaps>();
        services.TryAddSingleton<TelegramUpdateHandler>();
        services.TryAddSingleton<BotInbound>();
        services.TryAddKeyedSingleton<IInboundActivityHandler>(TelegramActivityMapper.ChannelId,
            (sp, _) => sp.GetRequiredService<BotInbound>());
        services.AddSingleton<IChannelSender, TelegramChannelSender>();
        // Telegram puts the bot token in every URL (…/bot<TOKEN>/sendMessage), which HttpClient's own loggers write
        // out at Information: no default loggers on these clients; failures are logged by TelegramLog without the URL.
        services.AddHttpClient(TelegramClientFactory.HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => ChannelConnections.Handler(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.SendTimeout))
            .AddResilienceHandler("telegram", (b, context) => HttpResilience.Configure(b,
                context.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.SendTimeout));
        services.AddHttpClient(TelegramClientFactory.PollingHttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => ChannelConnections.Handler(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.SendTimeout))
            .AddResilienceHandler("telegram-polling", b => HttpResilience.Configure(b,
                TimeSpan.FromSeconds(TelegramPollingService.LongPollSeconds + 15)));
        services.AddHostedService<TelegramWebhookRegistration>();
        services.AddHostedService<TelegramPollingService>();
        return services;
    }

    /// <summary>Always mapped; answers 404 unless a token and webhook secret are configured. Marked as a chat webhook,
    /// so the host's shutdown gate and body-size cap apply.</summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(TelegramWebhookEndpoint.Path, TelegramWebhookEndpoint.HandleAsync).AsChatWebhook();
}
