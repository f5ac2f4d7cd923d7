using IntegrationBot.Channels.Common;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// The public endpoints chat clients call, found by their <see cref="ChatEntryMetadata"/> (set by
/// <see cref="ChatEntryConventions.AsChatWebhook{TBuilder}"/> when they are mapped), never by a list of paths: the
/// shutdown gate, abuse limits and size limit apply to these.
/// </summary>
internal static class ChatEndpoints
{
    /// <summary>The kind of chat entry the request was routed to, or null when it is not one.</summary>
    public static ChatEntryKind? KindOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ChatEntryMetadata>()?.Kind;

    /// <summary>A user's message into web chat: <c>POST /v3/directline/conversations/{id}/activities</c> or <c>…/upload</c>.</summary>
    public static bool IsDirectLineMessage(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments("/v3/directline/conversations", StringComparison.OrdinalIgnoreCase)
        && (request.Path.Value!.EndsWith("/activities", StringComparison.OrdinalIgnoreCase)
            || request.Path.Value!.EndsWith("/upload", StringComparison.OrdinalIgnoreCase));
}
