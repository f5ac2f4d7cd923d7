using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;

namespace IntegrationBot.Bot.Tests.Support;

/// <summary>One Viber user talking to the real host: signed callbacks posted to <c>/api/viber</c> as Viber posts them.</summary>
public sealed class ViberPerson(ChatHost host, string userId, string language)
{
    private long _token = 5_000_000_000_000_000_000;

    public string UserId => userId;

    /// <summary>The person opens the chat; the answer's body is the welcome (null when the answer is empty).</summary>
    public async Task<JsonObject?> OpenChatAsync(bool subscribed, CancellationToken ct)
    {
        var response = await PostAsync(new JsonObject
        {
            ["event"] = "conversation_started", ["type"] = "open", ["context"] = "", ["subscribed"] = subscribed, ["user"] = User(),
        }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
    }

    public Task<HttpResponseMessage> SubscribeAsync(CancellationToken ct) =>
        PostAsync(new JsonObject { ["event"] = "subscribed", ["user"] = User() }, ct);

    public Task<HttpResponseMessage> UnsubscribeAsync(CancellationToken ct) =>
        PostAsync(new JsonObject { ["event"] = "unsubscribed", ["user_id"] = userId }, ct);

    /// <summary>A typed message, or a keyboard button's ActionBody (Viber sends both the same way).</summary>
    public Task<HttpResponseMessage> SayAsync(string text, CancellationToken ct) =>
        PostAsync(new JsonObject
        {
            ["event"] = "message", ["sender"] = User(), ["message"] = new JsonObject { ["type"] = "text", ["text"] = text },
        }, ct);

    private JsonObject User() => new()
    {
        ["id"] = userId, ["name"] = "Amina", ["language"] = language, ["country"] = "SI", ["api_version"] = 8,
    };

    private async Task<HttpResponseMessage> PostAsync(JsonObject callback, CancellationToken ct)
    {
        callback["timestamp"] = 1457764197627;
        callback["message_token"] = Interlocked.Increment(ref _token);
        var body = Encoding.UTF8.GetBytes(callback.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, ViberWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ViberSignature.Header, ViberSignature.Compute(body, FakeViberApi.AuthToken));
        return await host.Client.SendAsync(request, ct);
    }

    /// <summary>The host settings that point the Viber channel at <paramref name="api"/>.</summary>
    public static Dictionary<string, string> Settings(FakeViberApi api) => new()
    {
        ["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken,
        ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = api.BaseUrl,
        ["IntegrationBot:Channels:Viber:BotName"] = "Starting Point Postojna",
    };

    /// <summary>Each button of a Viber message as "Text|ActionBody".</summary>
    public static IReadOnlyList<string> Buttons(JsonObject message) =>
        [.. message["keyboard"]?["Buttons"]?.AsArray().Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b!["Text"]!.GetValue<string>()}|{b["ActionBody"]!.GetValue<string>()}")) ?? []];
}
