using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Handoff.Console;

/// <summary>Serves the console UI (embedded in this assembly, so the host needs no copy step) at /console.</summary>
public static class CounselorConsole
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
        ["plans.js"] = "text/javascript; charset=utf-8",
        ["plans.css"] = "text/css; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapCounselorConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console", (HttpContext http) => ServeAsync(http, "index.html")).AllowAnonymous();
        endpoints.MapGet("/console/{file}", (HttpContext http, string file) => ServeAsync(http, file)).AllowAnonymous();
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext http, string file)
    {
        SecurityHeaders.Apply(http.Response);
        var stream = ContentTypes.ContainsKey(file)
            ? Assembly.GetExecutingAssembly().GetManifestResourceStream($"IntegrationBot.Handoff.Console.wwwroot.{file}")
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
