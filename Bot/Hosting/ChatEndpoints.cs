namespace IntegrationBot.Bot.Hosting;

/// <summary>The public endpoints chat clients call; the shutdown gate, abuse limits and size limit apply to these.</summary>
internal static class ChatEndpoints
{
    public static bool IsWebhook(PathString path) =>
        path.StartsWithSegments("/api/telegram", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/viber", StringComparison.OrdinalIgnoreCase);

    public static bool IsDirectLine(PathString path) =>
        path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/webchat/token", StringComparison.OrdinalIgnoreCase);

    /// <summary>A user's message into web chat: <c>POST /v3/directline/conversations/{id}/activities</c> or <c>…/upload</c>.</summary>
    public static bool IsDirectLineMessage(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments("/v3/directline/conversations", StringComparison.OrdinalIgnoreCase)
        && (request.Path.Value!.EndsWith("/activities", StringComparison.OrdinalIgnoreCase)
            || request.Path.Value!.EndsWith("/upload", StringComparison.OrdinalIgnoreCase));

    /// <summary>A long-lived WebSocket; it is not a turn, so shutdown does not wait for it.</summary>
    public static bool IsStream(PathString path) =>
        path.Value?.EndsWith("/stream", StringComparison.OrdinalIgnoreCase) == true;
}
