using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>A loopback Viber REST API: HTTP 200 with <c>{status,status_message}</c>, auth token header checked,
/// send_message limits enforced, calls recorded; can be told to answer a status (e.g. 12 too many requests).</summary>
public sealed class FakeViberApi : IAsyncDisposable
{
    public const string AuthToken = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, int Status, string Message)> _answers = new();
    private readonly SemaphoreSlim _callSignal = new(0);

    private FakeViberApi(WebApplication app) => _app = app;

    /// <summary>Ends in <c>/pa/</c> like https://chatapi.viber.com/pa/.</summary>
    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();

    public static async Task<FakeViberApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeViberApi(app);
        app.MapPost("/pa/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/pa/";
        return fake;
    }

    public void AnswerNext(string method, int status, string message) => _answers.Enqueue((method, status, message));

    public IReadOnlyList<JsonObject> CallsTo(string method) => Calls.Where(c => c.Method == method).Select(c => c.Body).ToList();

    public async Task<IReadOnlyList<JsonObject>> WaitForCallsAsync(string method, int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (CallsTo(method).Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} {method} call(s), got {CallsTo(method).Count}.");
            }
            await _callSignal.WaitAsync(left);
        }
        return CallsTo(method);
    }

    private async Task<IResult> HandleAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync();
        if (context.Request.Headers["X-Viber-Auth-Token"].ToString() != AuthToken)
        {
            return Status(2, "invalidAuthToken");
        }
        var body = JsonNode.Parse(raw) as JsonObject ?? [];
        Calls.Enqueue((method, body));
        _callSignal.Release();
        if (_answers.TryPeek(out var answer) && answer.Method == method && _answers.TryDequeue(out answer))
        {
            return Status(answer.Status, answer.Message);
        }
        return method switch
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _callSignal.Dispose();
    }
}
