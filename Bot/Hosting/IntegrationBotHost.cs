using IntegrationBot.Bot.Web;
using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Flows;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Editing;
using IntegrationBot.Editing.Api;
using IntegrationBot.Editing.Console;
using IntegrationBot.Editing.Preview;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Storage.Postgres.Hosting;
using IntegrationBot.Handoff;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>The composition root of the web host: every module's registration and endpoints, in one place.</summary>
internal static class IntegrationBotHost
{
    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string PollyLogCategory = "Polly";

    public static WebApplicationBuilder AddIntegrationBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // First of the hosted services: a data folder left readable by other users is closed before the host serves.
        services.AddHostedService<DataFolderPermissions>();
        services.AddDialogsRuntime(configuration);
        services.AddDirectLine(configuration);
        services.AddReliability(configuration);
        services.AddHandoff(configuration);
        services.AddIntegrationBotFlows(configuration);
        services.AddSingleton<IValidateOptions<PlanOptions>, ReminderChannelsValidation>();
        services.AddKnowledgeEditing(configuration);
        // The editor's preview is written by the flows' own answer text (Editing does not reference Flows).
        services.AddSingleton<IAnswerText, FlowsAnswerText>();
        services.AddChannels(configuration);
        // One storage provider for every module's stores, chosen by IntegrationBot:Storage:Provider.
        services.AddStorage(configuration);
        services.AddTransportSecurity(configuration, builder.WebHost);
        services.AddHostedService<StartupMemoryTrim>();
        services.AddSingleton<LocalAdminAccess>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalAdminAccess>());
        // ASP.NET Core's request log ("Request starting GET …?t=…") writes the full URL, and a web chat stream URL
        // carries the person's conversation token (Direct Line's ?t=): never written, whatever level is configured.
        builder.Logging.AddFilter(RequestLogCategory, LogLevel.Warning);
        // Polly (the channel clients' retry policy) logs every successful send at Information, three lines per reply
        // in the Telegram load run: retries and failures (Warning and above) only, unless the operator sets the level.
        if (builder.Configuration[$"Logging:LogLevel:{PollyLogCategory}"] is null)
        {
            builder.Logging.AddFilter(PollyLogCategory, LogLevel.Warning);
        }

        return builder;
    }

    public static WebApplication MapIntegrationBot(this WebApplication app)
    {
        // First the client's real address and scheme (behind a trusted proxy), then the shutdown gate and size cap.
        app.UseTransportSecurity();
        // Refuses new turns during shutdown and oversize bodies before anything else reads them.
        app.UseReliability();
        app.UseWebSockets();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapWebChatPage();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        app.MapDirectLine();
        app.MapChannels();
        app.MapHandoffApi();
        app.MapCounselorConsole();
        app.MapLocalAdmin();
        app.MapKnowledgeApi();
        app.MapDirectoryApi();
        app.MapQuestionBacklogApi();
        app.MapKnowledgeConsole();
        return app;
    }
}
