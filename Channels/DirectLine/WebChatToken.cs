using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary><c>POST /api/webchat/token</c>: a token for a new conversation, so no secret is ever in the web page.</summary>
internal static class WebChatToken
{
    public const string RateLimitPolicy = "webchat-token";

    public static async Task<IResult> IssueAsync(
        HttpContext http,
        DirectLineTokenService tokens,
        IDirectLineStore store,
        ConversationQuota quota,
        IOptions<DirectLineOptions> options,
        RefusedOrigins refused)
    {
        if (!OriginAllowed(http, options.Value))
        {
            refused.Refused(http.Request.Headers.Origin.ToString(), OwnOrigin(http));
            return DirectLineErrors.Forbidden("this website is not allowed to open conversations");
        }

        var request = await ReadRequestAsync(http);
        // A reload, or a tab that slept past the token's lifetime, continues its conversation instead of losing it.
        if (tokens.VerifyForResume(request?.Resume) is { } old
            && await store.ConversationExistsAsync(old.ConversationId, http.RequestAborted))
        {
            // A new token chain: this endpoint checks the origin, rate-limits and needs the conversation to still exist.
            var resumed = tokens.Issue(old.ConversationId, old.UserId);
            return TypedResults.Json(new { conversationId = old.ConversationId, userId = old.UserId, token = resumed.Token, expires_in = resumed.ExpiresIn, resumed = true });
        }

        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!quota.TryOpen(ip))
        {
            return DirectLineErrors.TooManyRequests();
        }

        var conversationId = DirectLineIds.NewConversationId();
        var userId = DirectLineIds.NewUserId();
        var locale = request?.Locale is { Length: > 0 and <= 20 } l ? l : null;
        await store.CreateConversationAsync(conversationId, userId, locale, http.RequestAborted);
        var issued = tokens.Issue(conversationId, userId);
        return TypedResults.Json(new { conversationId, userId, token = issued.Token, expires_in = issued.ExpiresIn, resumed = false });
    }

    /// <summary>
    /// The page may say which language its picker chose, <c>{"locale":"ar-EG"}</c>, and which conversation it had,
    /// <c>{"resume":"&lt;its last token&gt;"}</c>.
    /// </summary>
    private static async Task<TokenRequest?> ReadRequestAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<TokenRequest>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Our own page is always allowed; other pages only when their origin is configured.</summary>
    private static bool OriginAllowed(HttpContext http, DirectLineOptions options)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // Not a browser cross-site request (e.g. a server or a script); the rate limits still apply.
            return true;
        }

        return string.Equals(origin, OwnOrigin(http), StringComparison.OrdinalIgnoreCase)
            || options.Origins().Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
    }

    private static string OwnOrigin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private sealed record TokenRequest(string? Locale, string? Resume);
}
