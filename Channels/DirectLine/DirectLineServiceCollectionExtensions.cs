using System.Threading.RateLimiting;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Registers the web chat widget's Direct Line channel; it is always on (it needs no remote service). Its
/// conversation log (<see cref="IDirectLineStore"/>) comes from the storage provider.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PersonChannel(DirectLineInbox.ChannelId));
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineTokenService>();
        DirectLineKeyRing.Add(services);
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<ConversationQuota>();
        services.AddSingleton<RefusedOrigins>();
        services.AddSingleton<StreamSlots>();
        services.AddSingleton<RecentActivities>();
        services.AddSingleton<DirectLineInbox>();
        services.AddSingleton<DirectLineStream>();
        services.AddSingleton<IChannelSender, DirectLineSender>();

        var origins = configuration.GetSection(DirectLineOptions.Section).Get<DirectLineOptions>()?.Origins() ?? [];
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy =>
        {
            // Only the configured municipal websites may call us from a browser; our own page needs no CORS.
            // Exactly the headers Web Chat and botframework-directlinejs send: its RxJS ajax adds X-Requested-With
            // and the client names itself in x-ms-bot-agent; refusing either leaves the widget on "Connecting…".
            policy.WithOrigins([.. origins]).WithHeaders("Authorization", "Content-Type", "X-Requested-With", "x-ms-bot-agent").WithMethods("GET", "POST");
        }));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WebChatToken.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokensPerIpPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services;
    }
}
