using System.Reflection;
using IntegrationBot.Handoff.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Editing.Console;

/// <summary>Serves the knowledge-base pages of the console (embedded in this assembly) at /console/knowledge.</summary>
public static class KnowledgeConsole
{
    private static readonly EmbeddedPages Pages = new(
        Assembly.GetExecutingAssembly(),
        "IntegrationBot.Editing.Console.wwwroot.",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["knowledge.html"] = "text/html; charset=utf-8",
            ["knowledge.css"] = "text/css; charset=utf-8",
            ["knowledge-strings.js"] = "text/javascript; charset=utf-8",
            ["knowledge.js"] = "text/javascript; charset=utf-8",
            ["api.js"] = "text/javascript; charset=utf-8",
            ["topic-list.js"] = "text/javascript; charset=utf-8",
            ["backlog.js"] = "text/javascript; charset=utf-8",
            ["topic-editor.js"] = "text/javascript; charset=utf-8",
            ["versions.js"] = "text/javascript; charset=utf-8",
            ["preview.js"] = "text/javascript; charset=utf-8",
            ["directory.js"] = "text/javascript; charset=utf-8",
            ["topics.js"] = "text/javascript; charset=utf-8",
        });

    public static IEndpointRouteBuilder MapKnowledgeConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/knowledge", (HttpContext http) => Pages.ServeAsync(http, "knowledge.html")).AllowAnonymous();
        endpoints.MapGet("/console/knowledge/{file}", (HttpContext http, string file) => Pages.ServeAsync(http, file)).AllowAnonymous();
        return endpoints;
    }
}
