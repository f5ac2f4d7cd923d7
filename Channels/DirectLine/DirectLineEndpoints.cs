using System.Globalization;
using System.Text.Json;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 subset that Web Chat and botframework-directlinejs use, at <c>/v3/directline</c>.</summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "webchat";
    private const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).AsChatEntry(ChatEntryKind.DirectLine);
        // The one call that takes the Direct Line secret instead of a conversation token.
        directLine.MapPost("/tokens/generate", GenerateAsync);
        var group = directLine.MapGroup("").AddEndpointFilter<DirectLineTokenFilter>();
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync).AsChatEntry(ChatEntryKind.DirectLineStream);

        app.MapPost("/api/webchat/token", WebChatToken.IssueAsync).RequireCors(CorsPolicy).RequireRateLimiting(WebChatToken.RateLimitPolicy)
            .AsChatEntry(ChatEntryKind.DirectLine);
        return app;
    }

    private static async Task<IResult> GenerateAsync(HttpContext http, DirectLineTokenService tokens, IDirectLineStore store)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DirectLineOptions>>().Value;
        if (options.Secret.Length == 0 || BearerOf(http) != options.Secret)
        {
            return DirectLineErrors.Forbidden("a valid Direct Line secret is required");
        }

        var conversationId = DirectLineIds.NewConversationId();
        var userId = DirectLineIds.NewUserId();
        await store.CreateConversationAsync(conversationId, userId, null, http.RequestAborted);
        var issued = tokens.Issue(conversationId, userId);
        return TypedResults.Json(new { conversationId, token = issued.Token, expires_in = issued.ExpiresIn });
    }

    private static IResult Refresh(HttpContext http, DirectLineTokenService tokens)
    {
        var token = DirectLineTokenFilter.GrantOf(http);
        // Refreshing has an upper bound (MaxTokenRefreshHours after the chain's first token), so a token copied from
        // a page cannot be kept alive forever; 403 makes Web Chat report an expired token, and the page resumes
        // through /api/webchat/token.
        return tokens.Refresh(token) is { } next
            ? TypedResults.Json(new { conversationId = token.ConversationId, token = next.Token, expires_in = next.ExpiresIn })
            : DirectLineErrors.Forbidden("this token can no longer be refreshed; ask /api/webchat/token for a new one");
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineInbox inbox)
    {
        var token = DirectLineTokenFilter.GrantOf(http);
        var (locale, readable) = await ReadLocaleAsync(http);
        if (!readable || locale is { Length: > 0 } && (locale.Length > 35 || locale.Any(char.IsSurrogate) || locale.Any(char.IsControl)))
        {
            return DirectLineErrors.BadRequest("locale must be a language tag such as \"sl\" or \"sr-Cyrl\"");
        }

        var created = await inbox.StartAsync(token, locale, ServiceUrl(http), http.RequestAborted);
        var body = new
        {
            conversationId = token.ConversationId,
            token = BearerOf(http),
            expires_in = (int)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds,
            streamUrl = StreamUrl(http, token.ConversationId, BearerOf(http)!, null),
        };
        return created ? TypedResults.Json(body, statusCode: StatusCodes.Status201Created) : TypedResults.Json(body);
    }

    private static async Task<IResult> Reconnect(HttpContext http, string conversationId, string? watermark, IDirectLineStore store)
    {
        if (!await store.ConversationExistsAsync(conversationId, http.RequestAborted))
        {
            return DirectLineErrors.NotFound();
        }

        return TypedResults.Json(new { conversationId, token = BearerOf(http), streamUrl = StreamUrl(http, conversationId, BearerOf(http)!, ParseWatermark(watermark)) });
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, IDirectLineStore store, DirectLineInbox inbox, ILogger<DirectLineInbox> logger)
    {
        if (!await store.ConversationExistsAsync(conversationId, http.RequestAborted))
        {
            return DirectLineErrors.NotFound();
        }

        var posted = await ActivityBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (posted.Error is { } error)
        {
            return error;
        }

        try
        {
            // Not the request's token: once read, the message is stored and answered even if the page hangs up.
            var id = await inbox.PostAsync(DirectLineTokenFilter.GrantOf(http), posted.Activity!, ServiceUrl(http), CancellationToken.None);
            return id is null ? DirectLineErrors.NotFound() : TypedResults.Json(new { id });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The client resends on 5xx; the stored echo and the turn's inbound id make that resend safe.
            DirectLineLog.TurnFailed(logger, e);
            return DirectLineErrors.BotError();
        }
    }

    private static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, string? watermark, IDirectLineStore store, DirectLineStream stream)
    {
        if (!await store.ConversationExistsAsync(conversationId, http.RequestAborted))
        {
            return DirectLineErrors.NotFound();
        }

        var set = await stream.ReadSetAsync(conversationId, ParseWatermark(watermark), http.RequestAborted);
        return TypedResults.Bytes(set.Json, "application/json");
    }

    private static async Task<IResult> UploadAsync(HttpContext http, DirectLineInbox inbox)
    {
        var posted = await ActivityBody.ReadUploadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (posted.Error is { } error)
        {
            return error;
        }

        var id = await inbox.PostAsync(DirectLineTokenFilter.GrantOf(http), posted.Activity!, ServiceUrl(http), CancellationToken.None);
        return id is null ? DirectLineErrors.NotFound() : TypedResults.Json(new { id });
    }

    private static async Task StreamAsync(HttpContext http, string conversationId, string? watermark, DirectLineStream stream)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var slot = http.RequestServices.GetRequiredService<StreamSlots>().TryOpen(conversationId, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (slot is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // A stream never ends by itself: on shutdown it is closed at once (the client reconnects from its watermark)
        // instead of holding the host until its shutdown timeout.
        var stopping = http.RequestServices.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        await stream.RunAsync(socket, conversationId, ParseWatermark(watermark), ended.Token);
    }

    private static string? BearerOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>
    /// Direct Line 3.0 reads a missing, empty or unreadable watermark as "from the start": Web Chat reconnects after a
    /// page reload with <c>?watermark=</c> and must get the whole conversation back, not a 400.
    /// </summary>
    private static long? ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null;

    private static string ServiceUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/";

    private static string StreamUrl(HttpContext http, string conversationId, string token, long? watermark)
    {
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{http.Request.Host}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } w ? url + "&watermark=" + w.ToString(CultureInfo.InvariantCulture) : url;
    }

    /// <returns>The body's locale if any; not readable when it is not text (an escaped unpaired surrogate).</returns>
    private static async Task<(string? Locale, bool Readable)> ReadLocaleAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null or 0 && !http.Request.Headers.TransferEncoding.Any())
        {
            return (null, true);
        }

        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("locale", out var l) && l.ValueKind == JsonValueKind.String
                ? (l.GetString(), true)
                : (null, true);
        }
        catch (JsonException)
        {
            return (null, true);
        }
        catch (InvalidOperationException)
        {
            return (null, false);
        }
    }
}
