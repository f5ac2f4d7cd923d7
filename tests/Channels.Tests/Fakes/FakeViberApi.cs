using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>A loopback Viber REST API: HTTP 200 with <c>{status,status_message}</c>, auth token header checked,
/// send_message limits enforced, calls recorded; can be told to answer a status (e.g. 12 too many requests).</summary>
public sealed class FakeViberApi : IAsyncDisposable
{
    public const string AuthToken = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";

    private readonly LoopbackApiServer _server = new();

    private FakeViberApi()
    {
    }

    /// <summary>Ends in <c>/pa/</c> like https://chatapi.viber.com/pa/.</summary>
    public string BaseUrl => _server.Address + "/pa/";

    public static async Task<FakeViberApi> StartAsync()
    {
        var fake = new FakeViberApi();
        await fake._server.StartAsync(app => app.MapPost("/pa/{method}", fake.HandleAsync));
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> answers <paramref name="status"/> (Viber answers HTTP 200 even then).</summary>
    public void AnswerNext(string method, int status, string message) => _server.AnswerNext(method, Status(status, message));

    public IReadOnlyList<JsonObject> CallsTo(string method) => Bodies(_server.CallsTo(method));

    public async Task<IReadOnlyList<JsonObject>> WaitForCallsAsync(string method, int count, TimeSpan? within = null) =>
        Bodies(await _server.WaitForCallsAsync(method, count, within));

    private static List<JsonObject> Bodies(IEnumerable<ApiCall> calls) => calls.Select(c => c.Parameters).ToList();

    private async Task<IResult> HandleAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync();
        if (context.Request.Headers["X-Viber-Auth-Token"].ToString() != AuthToken)
        {
            return Status(2, "invalidAuthToken");
        }
        var body = JsonNode.Parse(raw) as JsonObject ?? [];
        _server.Record(new ApiCall(method, body));
        return _server.TakeScriptedAnswer(method) ?? method switch
        {
            "send_message" => SendMessage(raw, body),
            "set_webhook" => body["url"] is null ? Status(1, "invalidUrl")
                : Results.Json(new JsonObject { ["status"] = 0, ["status_message"] = "ok", ["event_types"] = body["event_types"]?.DeepClone() }),
            _ => Status(3, "badData"),
        };
    }

    private static IResult SendMessage(string raw, JsonObject body)
    {
        if (body["receiver"] is null)
        {
            return Status(4, "missingData: receiver");
        }
        var name = body["sender"]?["name"]?.GetValue<string>();
        var text = body["text"]?.GetValue<string>();
        if (name is null || name.Length > 28 || text is null || text.Length > 7000 || Encoding.UTF8.GetByteCount(raw) > 30 * 1024)
        {
            return Status(3, "badData");
        }
        return Results.Json(new JsonObject
        {
            ["status"] = 0, ["status_message"] = "ok", ["message_token"] = 5098034272017990000 + Random.Shared.Next(1000),
        });
    }

    private static IResult Status(int status, string message) =>
        Results.Json(new JsonObject { ["status"] = status, ["status_message"] = message });

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
