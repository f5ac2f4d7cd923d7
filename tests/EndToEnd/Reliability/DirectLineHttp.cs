using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>The Direct Line calls Web Chat makes, over real HTTP: token, start, post (with clientActivityID), poll.</summary>
public sealed class DirectLineHttp(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
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
        request.Content = JsonContent.Create(new { type = "message", text, channelData = new { clientActivityID = clientActivityId } });
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

    public async Task<IReadOnlyList<JsonElement>> ActivitiesAsync(Conversation conversation, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities", conversation);
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, Conversation conversation)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return request;
    }
}
