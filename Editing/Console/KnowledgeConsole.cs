using System.Reflection;
using IntegrationBot.Handoff.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Editing.Console;

/// <summary>Serves the knowledge-base pages of the console (embedded in this assembly) at /console/knowledge.</summary>
public static class KnowledgeConsole
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["knowledge.html"] = "text/html; charset=utf-8",
        ["knowledge.css"] = "text/css; charset=utf-8",
        ["knowledge.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapKnowledgeConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/knowledge", (HttpContext http) => ServeAsync(http, "knowledge.html")).AllowAnonymous();
        endpoints.MapGet("/console/knowledge/{file}", (HttpContext http, string file) => ServeAsync(http, file)).AllowAnonymous();
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext http, string file)
    {
        SecurityHeaders.Apply(http.Response);
        var stream = ContentTypes.ContainsKey(file)
            ? Assembly.GetExecutingAssembly().GetManifestResourceStream($"IntegrationBot.Editing.Console.wwwroot.{file}")
            : null;
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            http.Response.ContentType = ContentTypes[file];
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
