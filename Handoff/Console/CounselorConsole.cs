using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>Serves the console UI (embedded in this assembly, so the host needs no copy step) at /console.</summary>
public static class CounselorConsole
{
    private static readonly EmbeddedPages Pages = new(
        Assembly.GetExecutingAssembly(),
        "IntegrationBot.Handoff.Console.wwwroot.",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["index.html"] = "text/html; charset=utf-8",
            ["console.css"] = "text/css; charset=utf-8",
            ["console.js"] = "text/javascript; charset=utf-8",
            ["page-language.js"] = "text/javascript; charset=utf-8",
            ["strings-en.js"] = "text/javascript; charset=utf-8",
            ["strings-sl.js"] = "text/javascript; charset=utf-8",
            ["strings-sq.js"] = "text/javascript; charset=utf-8",
            ["strings-hbs.js"] = "text/javascript; charset=utf-8",
            ["strings-ar.js"] = "text/javascript; charset=utf-8",
            ["api.js"] = "text/javascript; charset=utf-8",
            ["session.js"] = "text/javascript; charset=utf-8",
            ["code-words.js"] = "text/javascript; charset=utf-8",
            ["text-direction.js"] = "text/javascript; charset=utf-8",
            ["live-stream.js"] = "text/javascript; charset=utf-8",
            ["alerts.js"] = "text/javascript; charset=utf-8",
            ["request-lists.js"] = "text/javascript; charset=utf-8",
            ["conversation.js"] = "text/javascript; charset=utf-8",
            ["conversation-actions.js"] = "text/javascript; charset=utf-8",
            ["dashboard.js"] = "text/javascript; charset=utf-8",
            ["canned-responses.js"] = "text/javascript; charset=utf-8",
            ["admin.js"] = "text/javascript; charset=utf-8",
            ["plans.js"] = "text/javascript; charset=utf-8",
            ["plans.css"] = "text/css; charset=utf-8",
            ["reply-box.js"] = "text/javascript; charset=utf-8",
            ["new-lines.js"] = "text/javascript; charset=utf-8",
        });

    public static IEndpointRouteBuilder MapCounselorConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console", (HttpContext http) => Pages.ServeAsync(http, "index.html")).AllowAnonymous();
        endpoints.MapGet("/console/{file}", (HttpContext http, string file) => Pages.ServeAsync(http, file)).AllowAnonymous();
        return endpoints;
    }
}
