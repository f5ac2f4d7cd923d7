using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>The WebSocket stream of one conversation: activity sets as the log grows, empty keep-alive frames between.</summary>
public sealed class DirectLineStream(IDirectLineStore store, ConversationSignals signals)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task RunAsync(WebSocket socket, string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The client sends empty frames every 20 s and a close at the end; reading them also tells us when it is gone.
        var reader = DrainIncomingAsync(socket, closed);
        try
        {
            var position = watermark;
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var appended = signals.NextAppendAsync(conversationId);
                var page = await store.ReadAsync(conversationId, position, closed.Token);
                if (page.Activities.Count > 0)
                {
                    await SendAsync(socket, ActivitySetJson(page), closed.Token);
                    position = page.Watermark;
                    continue;
                }

                var woke = await Task.WhenAny(appended, Task.Delay(KeepAlive, closed.Token), reader);
                if (woke == reader)
                {
                    break;
                }

                if (!appended.IsCompleted)
                {
                    await SendAsync(socket, "", closed.Token);
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
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
    }

    public static string ActivitySetJson(ActivityPage page) =>
        JsonSerializer.Serialize(new ActivitySet(page.Activities, page.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)), ActivityJson.Options);

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
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
