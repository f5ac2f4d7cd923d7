using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Transcripts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Handoff;

/// <summary>Registers Handoff. The host adds a storage provider (Handoff's stores) and an <see cref="IUserMessenger"/>.</summary>
public static class HandoffServiceCollectionExtensions
{
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section))
            .Validate(o => o.UnclaimedTimeout > TimeSpan.Zero, "IntegrationBot:Handoff:UnclaimedTimeout must be positive.")
            .Validate(o => o.SilentUserTimeout > TimeSpan.Zero, "IntegrationBot:Handoff:SilentUserTimeout must be positive.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "IntegrationBot:Handoff:SweepInterval must be positive.")
            .Validate(o => o.SessionLifetime > TimeSpan.Zero, "IntegrationBot:Handoff:SessionLifetime must be positive.")
            .Validate(o => o.RetentionDays >= 1, "IntegrationBot:Handoff:RetentionDays must be at least 1.")
            .Validate(o => o.MaxFailedLogins >= 1, "IntegrationBot:Handoff:MaxFailedLogins must be at least 1.")
            .Validate(o => o.LoginsPerIpPerMinute >= 1, "IntegrationBot:Handoff:LoginsPerIpPerMinute must be at least 1.")
            .Validate(o => o.TranscriptMessages >= 0, "IntegrationBot:Handoff:TranscriptMessages must not be negative.")
            .ValidateOnStart();
        services.AddOptions<OfficeOptions>().Bind(configuration.GetSection(OfficeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfficeOptions>, OfficeOptionsValidator>();
        services.AddSingleton<IValidateOptions<OfficeOptions>>(new OfficeKeysValidator(configuration));
        services.AddHostedService<OfficeSettingsCheck>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUnreachableRecipients, InMemoryUnreachableRecipients>();
        services.AddSingleton(sp => new OfficeHours(sp.GetRequiredService<IOptions<OfficeOptions>>().Value));
        services.AddSingleton<HandoffEvents>();
        services.AddSingleton<CounselorPresence>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<CounselorDirectory>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<PlanDashboardService>();
        services.AddSingleton<UserDataService>();
        services.AddSingleton<PersonChannels>();
        services.AddSingleton<HandoffTimeoutService>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffTimeoutService>());
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddHostedService<DefaultCannedResponsesStartup>();

        AddConsoleAuthentication(services);
        return services;
    }

    private static void AddConsoleAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(CounselorAuth.Scheme).AddCookie(CounselorAuth.Scheme, options =>
        {
            options.Cookie.Name = CounselorAuth.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            // An API answers 401/403; redirects to a login page would confuse the console's fetch calls.
            options.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => Reject(context.Response, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Reject(context.Response, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = CounselorSessionValidator.ValidateAsync,
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(CounselorAuth.CounselorPolicy, p => p.AddAuthenticationSchemes(CounselorAuth.Scheme).RequireAuthenticatedUser())
            .AddPolicy(CounselorAuth.AdminPolicy, p => p.AddAuthenticationSchemes(CounselorAuth.Scheme).RequireAuthenticatedUser().RequireRole(CounselorAuth.AdminRole))
            .AddPolicy(CounselorAuth.EditorPolicy, p => p.AddAuthenticationSchemes(CounselorAuth.Scheme).RequireAuthenticatedUser().RequireRole(CounselorAuth.EditorRole));
    }

    private static Task Reject(HttpResponse response, int status)
    {
        response.StatusCode = status;
        SecurityHeaders.Apply(response);
        return Task.CompletedTask;
    }
}
