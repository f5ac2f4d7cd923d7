using System.Security.Claims;
using System.Text.Json;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Storage;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Handoff.Console;

/// <summary>GET /api/handoffs/stream: Server-Sent Events with one "handoff" event per queue change (ids and status only;
/// the console refetches what it shows). A comment line every 15 s keeps proxies from closing the stream.</summary>
/// <remarks>The stream ends at once when the account's sessions are revoked in this process (logout, new password or
/// role, deactivation), and at its next heartbeat when the session is no longer valid for another reason (changed by
/// another instance or the command line, or past its lifetime): a revoked session must not keep receiving the queue.</remarks>
public static class HandoffStream
{
    public const int MaxStreamsPerCounselor = 20;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(HttpContext http, ClaimsPrincipal user, HandoffEvents events, CounselorPresence presence, SessionRevocations revocations, TimeProvider time)
    {
        var name = CounselorAuth.Name(user);
        using var open = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, revocations.For(name));
        var ct = open.Token;
        // A revocation between this request's session check and the line above left no signal to wait for.
        if (!await CounselorSessionValidator.IsValidAsync(user, http.RequestServices, ct))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // Each open stream holds a connection and a subscription: a few tabs per counselor are normal, a flood is not.
        using var lease = presence.TryStreamOpened(name, MaxStreamsPerCounselor);
        if (lease is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await http.Response.WriteAsync($"At most {MaxStreamsPerCounselor} console pages per counselor are live at once; close some.", ct);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var changes = events.Subscribe(ct);
        try
        {
            await http.Response.WriteAsync("retry: 3000\n\nevent: ready\ndata: {}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var heartbeat = new CancellationTokenSource(Heartbeat, time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, heartbeat.Token);
                string frame;
                try
                {
                    var change = await changes.ReadAsync(wait.Token);
                    frame = $"event: handoff\ndata: {JsonSerializer.Serialize(change, HandoffJson.Options)}\n\n";
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (!await CounselorSessionValidator.IsValidAsync(user, http.RequestServices, ct))
                    {
                        return;
                    }

                    frame = $": ping {time.GetUtcNow():O}\n\n";
                }

                await http.Response.WriteAsync(frame, ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // The counselor closed the page, or the account's sessions were revoked.
        }
    }
}
