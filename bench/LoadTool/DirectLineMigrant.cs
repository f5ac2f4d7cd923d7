using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace IntegrationBot.LoadTool;

/// <summary>
/// One simulated migrant on the web chat: gets a token, starts a conversation, then asks questions and waits for the
/// bot's reply to each (matched by <c>replyToId</c>) over the WebSocket stream or by polling GET activities.
/// </summary>
public sealed class DirectLineMigrant(HttpClient http, Uri baseUrl, LoadOptions options) : IMigrant
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<(long At, JsonElement Reply)>> _replies = new(StringComparer.Ordinal);
    private string _conversationId = "";
    private string _token = "";
    private string _streamUrl = "";
    private string? _watermark;
    private ClientWebSocket? _socket;
    private Task? _receiving;
    private CancellationTokenSource? _stop;

    // The reply's content is needed only while onboarding (its buttons); later only its arrival time counts, so the
    // tool does not copy every answer it receives.
    private bool _keepReplies = true;

    /// <summary>Token and conversation (the host runs its welcome turn here).</summary>
    public async Task OpenAsync(string locale, CancellationToken cancellationToken)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v3/directline/tokens/generate"));
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Secret);
        using var generated = await http.SendAsync(generate, cancellationToken);
        generated.EnsureSuccessStatusCode();
        var token = await generated.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        _conversationId = token.GetProperty("conversationId").GetString()!;
        _token = token.GetProperty("token").GetString()!;

        using var start = Authorized(HttpMethod.Post, "");
        start.Content = JsonContent.Create(new { locale });
        using var started = await http.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        _streamUrl = (await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("streamUrl").GetString()!;
    }

    /// <summary>Connects the WebSocket stream (when that is the transport) before the migrant starts talking.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (options.Transport != "websocket")
        {
            return;
        }

        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri(_streamUrl), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _stop = new CancellationTokenSource();
        _receiving = ReceiveAsync(socket, _stop.Token);
        _socket = socket;
    }

    /// <summary>
    /// Gets the conversation to where questions are answered (before the clock starts, by polling): when the bot's
    /// welcome offers the five language buttons, presses the one of <paramref name="languageIndex"/>; when it then
    /// shows the privacy notice (three buttons: accept, read more, decline), presses accept.
    /// </summary>
    public async Task OnboardAsync(int languageIndex, string locale, CancellationToken cancellationToken)
    {
        var welcome = _replies.GetOrAdd(_conversationId + "|welcome", NewWaiter);
        await PollUntilAsync(welcome, cancellationToken);
        var reply = (await welcome.Task.WaitAsync(options.ReplyTimeout, cancellationToken)).Reply;
        for (var step = 0; step < 2; step++)
        {
            var buttons = Buttons(reply);
            var press = buttons.Count == 5 ? buttons[languageIndex] : buttons.Count == 3 ? buttons[0] : null;
            if (press is null)
            {
                return;
            }

            (_, reply) = await ExchangeAsync(press, locale, poll: true, cancellationToken);
        }
    }

    /// <summary>Posts one message; returns the time until the bot's first reply to it arrived.</summary>
    public async Task<TimeSpan> AskAsync(string text, string locale, CancellationToken cancellationToken)
    {
        _keepReplies = false;
        return (await ExchangeAsync(text, locale, poll: _socket is null, cancellationToken)).Latency;
    }

    private static List<string> Buttons(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var actions)
            ? [.. actions.EnumerateArray().Select(a => a.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : a.GetProperty("title").GetString()!)]
            : [];

    private async Task<(TimeSpan Latency, JsonElement Reply)> ExchangeAsync(string text, string locale, bool poll, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var post = Authorized(HttpMethod.Post, "/activities");
        post.Content = JsonContent.Create(new { type = "message", from = new { id = "load", role = "user" }, text, locale });
        using var posted = await http.SendAsync(post, cancellationToken);
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;

        var reply = _replies.GetOrAdd(id, NewWaiter);
        if (poll)
        {
            await PollUntilAsync(reply, cancellationToken);
        }

        var arrived = await reply.Task.WaitAsync(options.ReplyTimeout, cancellationToken);
        _replies.TryRemove(id, out _);
        return (Stopwatch.GetElapsedTime(started, arrived.At), arrived.Reply);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket is { } socket)
        {
            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                }
            }

            await _stop!.CancelAsync();
            await _receiving!.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            socket.Dispose();
            _stop.Dispose();
        }
    }

    private static TaskCompletionSource<(long At, JsonElement Reply)> NewWaiter(string _) => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl, $"v3/directline/conversations{(path.Length == 0 ? "" : "/" + Uri.EscapeDataString(_conversationId) + path)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    private async Task PollUntilAsync(TaskCompletionSource<(long At, JsonElement Reply)> reply, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!reply.Task.IsCompleted && Stopwatch.GetTimestamp() < deadline)
        {
            using var get = Authorized(HttpMethod.Get, "/activities" + (_watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(_watermark)));
            using var got = await http.SendAsync(get, cancellationToken);
            got.EnsureSuccessStatusCode();
            using var set = await JsonDocument.ParseAsync(await got.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            Take(set.RootElement);
            if (!reply.Task.IsCompleted)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, cancellationToken);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, frame.Count);
                if (!frame.EndOfMessage)
                {
                    continue;
                }

                // Empty frames are the server's keep-alives.
                if (message.Length > 0)
                {
                    using var set = JsonDocument.Parse(message.GetBuffer().AsMemory(0, (int)message.Length));
                    Take(set.RootElement);
                }

                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    /// <summary>Notes the arrival of every bot reply in an activity set.</summary>
    private void Take(JsonElement activitySet)
    {
        var now = Stopwatch.GetTimestamp();
        if (activitySet.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
        {
            _watermark = watermark.GetString();
        }

        foreach (var activity in activitySet.GetProperty("activities").EnumerateArray())
        {
            if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
            {
                _replies.GetOrAdd(id, NewWaiter).TrySetResult((now, _keepReplies ? activity.Clone() : default));
            }
        }
    }
}
