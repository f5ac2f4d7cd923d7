using System.Threading.RateLimiting;
using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.DirectLine;

namespace IntegrationBot.Bot.Hosting;

/// <summary>
/// The global rate limiter of the chat endpoints: web chat messages and uploads per user (the user id inside the signed
/// token) and per IP address, every other Direct Line request per IP address, webhook calls per source address.
/// Everything else is not limited here.
/// </summary>
internal static class AbuseLimits
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    public static PartitionedRateLimiter<HttpContext> Create(AbuseLimitOptions options)
    {
        var perUser = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            ChatEndpoints.IsDirectLineMessage(http.Request) && UserOf(http) is { } user
                ? Window("user:" + user, options.MessagesPerUserPerMinute)
                : RateLimitPartition.GetNoLimiter(string.Empty));
        var perIp = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (ChatEndpoints.IsDirectLineMessage(http.Request))
            {
                return Window("ip:" + ip, options.MessagesPerIpPerMinute);
            }

            return ChatEndpoints.KindOf(http) switch
            {
                // Every other Direct Line entry (start, refresh, polls, stream handshakes) has a budget per address too.
                ChatEntryKind.DirectLine or ChatEntryKind.DirectLineStream => Window("dl:" + ip, options.DirectLineRequestsPerIpPerMinute),
                ChatEntryKind.Webhook => Window("hook:" + ip, options.WebhookCallsPerIpPerMinute),
                _ => RateLimitPartition.GetNoLimiter(string.Empty),
            };
        });

        // Per user first: a flooding user is turned away before using up the address's budget shared with others.
        return PartitionedRateLimiter.CreateChained(perUser, perIp);
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = OneMinute,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });

    private static string? UserOf(HttpContext http)
    {
        // The endpoint verifies the same token again; the service keeps the answer for the request.
        var tokens = http.RequestServices.GetRequiredService<DirectLineTokenService>();
        return tokens.VerifyBearer(http, out var token) == TokenCheck.Valid ? token!.UserId : null;
    }
}
