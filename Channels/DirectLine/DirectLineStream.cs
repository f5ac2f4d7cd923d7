using System.Net.WebSockets;
using System.Text.Json;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>The WebSocket stream of one conversation: activity sets as the log grows, empty keep-alive frames between.</summary>
/// <remarks>
/// A new activity is taken from <see cref="RecentActivities"/> (already serialized) when memory holds everything after
/// the stream's watermark; only a resume from further back, or a conversation memory does not hold, reads the store.
/// </remarks>
public sealed class DirectLineStream(IDirectLineStore store, RecentActivities recent, ConversationSignals signals)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task RunAsync(WebSocket socket, string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watch = signals.Watch(conversationId);
        // The client sends empty frames every 20 s and a close at the end; reading them also tells us when it is gone.
        var reader = DrainIncomingAsync(socket, closed);
        try
        {
            var position = watermark;
            // One timer per keep-alive period, not one per wake-up: a busy conversation wakes many times per second.
            Task? keepAlive = null;
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var appended = signals.NextAppendAsync(conversationId);
                var set = await ReadSetAsync(conversationId, position, closed.Token);
                if (set.Count > 0)
                {
                    await socket.SendAsync(set.Json, WebSocketMessageType.Text, endOfMessage: true, closed.Token);
                    position = set.Watermark;
                    continue;
                }

                keepAlive ??= Task.Delay(KeepAlive, closed.Token);
                var woke = await Task.WhenAny(appended, keepAlive, reader);
                if (woke == reader)
                {
                    break;
                }

                if (woke == keepAlive)
                {
                    keepAlive = null;
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, closed.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
            await CloseQuietlyAsync(socket);
        }
    }

    /// <summary>The activity set after <paramref name="watermark"/> as UTF-8 JSON: from memory when it can, else from the store.</summary>
    public async Task<ActivitySetJson> ReadSetAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        if (recent.TryRead(conversationId, watermark, out var next, out var count) is { } held)
        {
            return new ActivitySetJson(held, next, count);
        }

        var page = await store.ReadAsync(conversationId, watermark, cancellationToken);
        return new ActivitySetJson(Serialize(page), page.Watermark, page.Activities.Count);
    }

    public static byte[] Serialize(ActivityPage page) =>
        JsonSerializer.SerializeToUtf8Bytes(new ActivitySet(page.Activities, page.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)), ActivityJson.Options);

    /// <summary>A page that went away (tab closed, network lost) is normal, not an error worth a stack trace in the log.</summary>
    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }

    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource closed)
    {
        // Only empty keep-alives and the close arrive here; a small buffer keeps 10,000 idle streams cheap.
        var buffer = new byte[128];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
}
