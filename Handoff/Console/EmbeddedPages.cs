using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Handoff.Console;

/// <summary>
/// Console pages embedded in an assembly (so the host needs no copy step), served with the console's security headers.
/// Only the listed files are served; anything else is 404.
/// </summary>
public sealed class EmbeddedPages(Assembly assembly, string resourcePrefix, IReadOnlyDictionary<string, string> contentTypes)
{
    public async Task ServeAsync(HttpContext http, string file)
    {
        ArgumentNullException.ThrowIfNull(http);
        SecurityHeaders.Apply(http.Response);
        var stream = contentTypes.ContainsKey(file) ? assembly.GetManifestResourceStream(resourcePrefix + file) : null;
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            http.Response.ContentType = contentTypes[file];
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
