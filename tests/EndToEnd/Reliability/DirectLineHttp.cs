using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>The Direct Line calls Web Chat makes, over real HTTP: token, start, post (with clientActivityID), poll.</summary>
public sealed class DirectLineHttp(Uri baseAddress) : IDisposable
{
    private readonly Uri _baseAddress = baseAddress;

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = baseAddress,
        // A post that times out counts as not acknowledged, and after the crash tests' last restart that ends its page
        // with the message unsent; a restarted host answering every page at once on a busy 2-core machine shared with
        // the other test projects took over 30 s once (TelegramCrashDuplicatesTests). A host that never answers still fails.
        Timeout = TimeSpan.FromSeconds(120),
    };

    public async Task<Conversation> OpenAsync(CancellationToken ct)
    {
        var issued = await _http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null, ct);
        issued.EnsureSuccessStatusCode();
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(ct);
        var conversation = new Conversation(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", conversation);
        (await _http.SendAsync(start, ct)).EnsureSuccessStatusCode();
        return conversation;
    }

    /// <summary>Posts a message; the activity id when the server answered 200, null for any other answer or a broken connection.</summary>
    public async Task<string?> PostAsync(Conversation conversation, string text, string clientActivityId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation);
        request.Content = new StringContent(MessageJson(text, clientActivityId), System.Text.Encoding.UTF8, "application/json");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK
                ? (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the whole post and hangs up without reading the answer; Web Chat then resends it with the same clientActivityID.</summary>
    public Task HangUpAfterPostingAsync(Conversation conversation, string text, string clientActivityId, bool reset, TimeSpan after, CancellationToken ct) =>
        HangUpPost.SendAsync(
            _baseAddress,
            $"/v3/directline/conversations/{conversation.Id}/activities",
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + conversation.Token },
            MessageJson(text, clientActivityId),
            reset,
            after,
            ct);

    /// <summary>What a polling Web Chat reads: the activities after <paramref name="watermark"/> and the new watermark.</summary>
    public async Task<(IReadOnlyList<JsonElement> Activities, string? Watermark)> ActivitiesAfterAsync(Conversation conversation, string? watermark, CancellationToken ct)
    {
        var query = watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark);
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities{query}", conversation);
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var next = body.TryGetProperty("watermark", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : watermark;
        return ([.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())], next);
    }

    public async Task<IReadOnlyList<JsonElement>> ActivitiesAsync(Conversation conversation, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities", conversation);
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    public void Dispose() => _http.Dispose();

    private static string MessageJson(string text, string clientActivityId) =>
        JsonSerializer.Serialize(new { type = "message", text, channelData = new { clientActivityID = clientActivityId } });

    private static HttpRequestMessage Request(HttpMethod method, string path, Conversation conversation)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return request;
    }
}
