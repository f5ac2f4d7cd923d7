using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// One retention setting for Handoff and the runtime, graceful shutdown and abuse limits. The erasers and purges of
/// every store come with the storage provider (<see cref="StorageChoice"/>).
/// </summary>
public static class ReliabilityServiceCollectionExtensions
{
    public static IServiceCollection AddReliability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AbuseLimitOptions>().BindConfiguration(AbuseLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // One retention setting: Handoff's purge follows IntegrationBot:Privacy:RetentionDays when that is set.
        services.AddSingleton<IPostConfigureOptions<HandoffOptions>>(sp => new PostConfigureOptions<HandoffOptions>(Options.DefaultName, handoff =>
        {
            if (configuration.GetSection(PrivacyOptions.SectionName)[nameof(PrivacyOptions.RetentionDays)] is not null)
            {
                handoff.RetentionDays = sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays;
            }
        }));

        services.AddSingleton<ShutdownGate>();
        services.AddHostedService<GracefulShutdown>();
        services.Configure<HostOptions>(host =>
        {
            var drain = configuration.GetSection(ShutdownOptions.SectionName).Get<ShutdownOptions>()?.DrainSeconds ?? 10;
            host.ShutdownTimeout = TimeSpan.FromSeconds(drain + 15);
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<AbuseLimitOptions>>((limiter, limits) => limiter.GlobalLimiter = AbuseLimits.Create(limits.Value));
        return services;
    }
}
