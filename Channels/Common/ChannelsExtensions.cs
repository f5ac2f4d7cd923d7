using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Viber;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Common;

/// <summary>What the host calls: every channel registered; each stays off until its configuration is present.</summary>
public static class ChannelsExtensions
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration) =>
        services.AddTelegramChannel(configuration).AddViberChannel(configuration);

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTelegramWebhook();
        endpoints.MapViberWebhook();
        return endpoints;
    }
}
