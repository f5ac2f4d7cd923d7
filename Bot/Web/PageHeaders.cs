namespace IntegrationBot.Bot.Web;

/// <summary>Security headers for the public chat page; Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only.</summary>
internal static class PageHeaders
{
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // connect-src: this host only (its Direct Line and stream), not any ws:/wss: server a script might leak to.
        var socket = (context.Request.IsHttps ? "wss://" : "ws://") + context.Request.Host;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' {socket}; frame-ancestors 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
