using IntegrationBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// The one token check of the Direct Line endpoints: the conversation token must be ours, unexpired, and (where the route
/// names a conversation) for that conversation. The handler then reads the grant with <see cref="GrantOf"/>.
/// </summary>
/// <remarks>
/// 401 without a bearer token; 403 for an expired, forged or tampered one or one for another conversation, with
/// Direct Line's error body: Web Chat reports 403 as an expired token and the page asks for a new one. The WebSocket
/// stream takes its token from <c>?t=</c> (a browser cannot set headers on a WebSocket) and answers 403 when it is missing.
/// </remarks>
public sealed class DirectLineTokenFilter(DirectLineTokenService tokens) : IEndpointFilter
{
    private static readonly object GrantKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var stream = http.GetEndpoint()?.Metadata.GetMetadata<ChatEntryMetadata>()?.Kind == ChatEntryKind.DirectLineStream;
        var check = stream ? tokens.Verify(http.Request.Query["t"].ToString(), out var token) : tokens.VerifyBearer(http, out token);
        var conversationId = http.GetRouteValue("conversationId") as string;
        var denied = check switch
        {
            TokenCheck.Missing when !stream => DirectLineErrors.Unauthorized(),
            TokenCheck.Valid when conversationId is null || token!.ConversationId == conversationId => null,
            TokenCheck.Expired => DirectLineErrors.Forbidden("token expired"),
            _ => DirectLineErrors.Forbidden("token not valid for this conversation"),
        };
        if (denied is not null)
        {
            return denied;
        }

        http.Items[GrantKey] = token;
        return await next(context);
    }

    /// <summary>What the request's verified token grants; only on endpoints behind this filter.</summary>
    public static DirectLineToken GrantOf(HttpContext http) =>
        http.Items[GrantKey] as DirectLineToken ?? throw new InvalidOperationException("The endpoint is not behind DirectLineTokenFilter.");
}
