using System.Security.Claims;
using System.Text.Json;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Storage;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Handoff.Console;

/// <summary>GET /api/handoffs/stream: Server-Sent Events with one "handoff" event per queue change (ids and status only;
/// the console refetches what it shows). A comment line every 15 s keeps proxies from closing the stream.</summary>
public static class HandoffStream
{
    public static async Task RunAsync(HttpContext http, ClaimsPrincipal user, HandoffEvents events, CounselorPresence presence, TimeProvider time)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var lease = presence.StreamOpened(CounselorAuth.Name(user));
        var changes = events.Subscribe(ct);
        await http.Response.WriteAsync("retry: 3000\n\nevent: ready\ndata: {}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                string frame;
                try
                {
                    var change = await changes.ReadAsync(heartbeat.Token);
                    frame = $"event: handoff\ndata: {JsonSerializer.Serialize(change, HandoffJson.Options)}\n\n";
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    frame = $": ping {time.GetUtcNow():O}\n\n";
                }

                await http.Response.WriteAsync(frame, ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // The counselor closed the page.
        }
    }
}
