using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>A loopback Bot API that counts every message the host sends and when each request was received and
/// answered, so a crash test can tell how many sends were in flight at a kill.</summary>
internal sealed class CountingTelegramApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(long Received, long Answered)> _sends = new();
    private readonly ConcurrentDictionary<long, bool> _blocked = new();
    private readonly ConcurrentQueue<(long Chat, string Text, long Answered)> _texts = new();
    private readonly WebApplication _app;

    private CountingTelegramApi(WebApplication app) => _app = app;

    public int Sends => _sends.Count;

    public static async Task<CountingTelegramApi> StartAsync(int port, string botToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var fake = new CountingTelegramApi(app);
        app.MapPost("/bot{token}/{method}", async (HttpContext context, string token, string method) =>
        {
            var received = Stopwatch.GetTimestamp();
            if (token != botToken)
            {
                return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
            }

            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
            if (method is not ("sendMessage" or "sendChatAction"))
            {
                return Ok(true);
            }

            var chat = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
            if (method == "sendMessage" && fake._blocked.ContainsKey(chat))
            {
                return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 403, ["description"] = "Forbidden: bot was blocked by the user" }, statusCode: 403);
            }

            var answered = Stopwatch.GetTimestamp();
            fake._texts.Enqueue((chat, body["text"]?.GetValue<string>() ?? "", answered));
            fake._sends.Enqueue((received, answered));
            return Ok(new JsonObject
            {
                ["message_id"] = fake._sends.Count,
                ["chat"] = new JsonObject { ["id"] = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture), ["type"] = "private" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = body["text"]?.GetValue<string>() ?? "",
            });
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Completes once <paramref name="count"/> messages were sent in all.</summary>
    public async Task WaitForSendsAsync(int count, CancellationToken ct)
    {
        while (Sends < count)
        {
            await Task.Delay(20, ct);
        }
    }

    /// <summary>Completes once every chat of <paramref name="chats"/> has received every text any of them received (they
    /// are all owed the same replies), or after <paramref name="bound"/>: a reply whose send failed waits in the outbox's
    /// backoff, which a graceful stop does not wait for. If one never comes, the checks afterwards name it.</summary>
    public async Task WaitUntilChatsLevelAsync(IReadOnlyCollection<long> chats, TimeSpan bound, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            var received = chats.ToDictionary(chat => chat, chat => TextsTo(chat).ToHashSet(StringComparer.Ordinal));
            var owed = received.Values.SelectMany(texts => texts).ToHashSet(StringComparer.Ordinal);
            if (received.Values.All(texts => texts.IsSupersetOf(owed)))
            {
                return;
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>From now on every sendMessage to <paramref name="chat"/> answers 403 "bot was blocked by the user".</summary>
    public void Block(long chat) => _blocked[chat] = true;

    /// <summary>The texts sent to a chat, in order.</summary>
    public IReadOnlyList<string> TextsTo(long chat) => [.. SendsTo(chat).Select(s => s.Text)];

    /// <summary>The texts sent to a chat, in order, each with when it was answered (a <see cref="Stopwatch"/> timestamp).</summary>
    public IReadOnlyList<(string Text, long Answered)> SendsTo(long chat) => [.. _texts.Where(t => t.Chat == chat).Select(t => (t.Text, t.Answered))];

    /// <summary>Sends received before <paramref name="until"/> and answered after <paramref name="from"/> (timestamps of
    /// <see cref="Stopwatch"/>): those a process killed in between may not have recorded as delivered.</summary>
    public int InFlight(long from, long until) => _sends.Count(s => s.Received <= until && s.Answered >= from);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
}
