using IntegrationBot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Web;

/// <summary>Security headers for the public chat page; Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only.</summary>
internal static class PageHeaders
{
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // connect-src: this host only (its Direct Line and stream), not any ws:/wss: server a script might leak to.
        var socket = (context.Request.IsHttps ? "wss://" : "ws://") + context.Request.Host;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' {socket}; " + FrameAncestors(context);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>The municipal websites allowed to call the chat may also show the page in an iframe (docs/embedding.md).</summary>
    private static string FrameAncestors(HttpContext context)
    {
        var origins = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.Origins();
        return string.Join(' ', ["frame-ancestors 'self'", .. origins]);
    }
}
