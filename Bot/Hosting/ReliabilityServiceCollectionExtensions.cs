using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.Options;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.Storage.LiteDb.DirectLine;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// Privacy (erasure, export and retention of the runtime's and web chat's records), graceful shutdown and abuse limits.
/// Call after <c>AddDialogsRuntime</c> and <c>AddDirectLine</c>, before <c>AddHandoff</c> or the flows, so the runtime's
/// eraser runs before the web chat one deletes the conversations it looks up.
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

        if (configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] is null or StorageOptions.LiteDbProvider)
        {
            services.AddSingleton<DirectLineUserData>();
            services.AddSingleton<IUserConversationDirectory>(sp => sp.GetRequiredService<DirectLineUserData>());
            services.AddSingleton<DialogsUserData>();
            services.AddSingleton<IUserDataEraser>(sp => sp.GetRequiredService<DialogsUserData>());
            services.AddSingleton<IRetentionPurgeable>(sp => sp.GetRequiredService<DialogsUserData>());
            services.AddSingleton<IUserDataEraser>(sp => sp.GetRequiredService<DirectLineUserData>());
            services.AddSingleton<IRetentionPurgeable>(sp => sp.GetRequiredService<DirectLineUserData>());
        }

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
