using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>A loopback Bot API server that answers like api.telegram.org: <c>{ok,result}</c> or
/// <c>{ok:false,error_code,description,parameters}</c>, checks the token in the path and validates HTML like Telegram.</summary>
public sealed class FakeTelegramApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_abc";

    private readonly LoopbackApiServer _server = new();
    private readonly ConcurrentQueue<JsonObject> _pendingUpdates = new();
    private readonly Queue<DateTime> _accepted = new();
    private int _messageId;
    private int _perSecond;
    private int _rateLimited;

    private FakeTelegramApi()
    {
    }

    public string BaseUrl => _server.Address;

    public static async Task<FakeTelegramApi> StartAsync()
    {
        var fake = new FakeTelegramApi();
        await fake._server.StartAsync(app => app.Map("/bot{token}/{method}", fake.HandleAsync));
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> fails like Telegram would (e.g. 429 with retry_after).</summary>
    public void FailNext(string method, int status, string description, int? retryAfter = null) =>
        _server.AnswerNext(method, Error(status, description, retryAfter));

    /// <summary>The next call of <paramref name="method"/> succeeds; lets a test fail a later one (e.g. part 2 of a reply).</summary>
    public void SucceedNext(string method) => _server.AnswerNormallyNext(method);

    /// <summary>The next call of <paramref name="method"/> is received at once but answered only after <paramref name="delay"/>.</summary>
    public void AnswerSlowlyNext(string method, TimeSpan delay) => _server.DelayNext(method, delay);

    /// <summary>Like Telegram's overall limit: a <c>sendMessage</c> beyond <paramref name="perSecond"/> in the last second gets 429 retry_after 1.</summary>
    public void LimitTo(int perSecond) => _perSecond = perSecond;

    /// <summary>How many calls met the limit of <see cref="LimitTo"/>.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    public void QueueUpdate(JsonObject update) => _pendingUpdates.Enqueue(update);

    public IReadOnlyList<ApiCall> CallsTo(string method) => _server.CallsTo(method);

    /// <summary>Waits until <paramref name="count"/> calls of <paramref name="method"/> arrived, or fails after the deadline.</summary>
    public Task<IReadOnlyList<ApiCall>> WaitForCallsAsync(string method, int count, TimeSpan? within = null) =>
        _server.WaitForCallsAsync(method, count, within);

    private async Task<IResult> HandleAsync(HttpContext context, string token, string method)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        var body = await ReadParametersAsync(context.Request);
        _server.Record(new ApiCall(method, body));
        await _server.DelayIfScriptedAsync(method, context.RequestAborted);
        return _server.TakeScriptedAnswer(method) ?? method switch
        {
            "getMe" => Ok(BotUser()),
            "sendMessage" when OverLimit() => Error(429, "Too Many Requests: retry after 1", retryAfter: 1),
            "sendMessage" => SendMessage(body),
            "answerCallbackQuery" or "sendChatAction" or "deleteWebhook" => Ok(true),
            "setWebhook" => SetWebhook(body),
            "getUpdates" => await GetUpdatesAsync(body, context.RequestAborted),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    private bool OverLimit()
    {
        if (_perSecond == 0)
        {
            return false;
        }
        lock (_accepted)
        {
            var now = DateTime.UtcNow;
            while (_accepted.TryPeek(out var at) && now - at >= TimeSpan.FromSeconds(1))
            {
                _accepted.Dequeue();
            }
            if (_accepted.Count >= _perSecond)
            {
                Interlocked.Increment(ref _rateLimited);
                return true;
            }
            _accepted.Enqueue(now);
            return false;
        }
    }

    private IResult SendMessage(JsonObject body)
    {
        var text = body["text"]?.GetValue<string>() ?? "";
        if (body["chat_id"] is null)
        {
            return Error(400, "Bad Request: chat not found");
        }
        // Telegram reads parse_mode case-insensitively ("HTML", "Html", "html").
        var isHtml = string.Equals(body["parse_mode"]?.GetValue<string>(), "HTML", StringComparison.OrdinalIgnoreCase);
        var plain = text;
        if (isHtml && TelegramHtmlRules.Check(text, out plain) is { } problem)
        {
            return Error(400, "Bad Request: can't parse entities: " + problem);
        }
        if (plain.Trim().Length == 0)
        {
            return Error(400, "Bad Request: message text is empty");
        }
        if (plain.Length > 4096)
        {
            return Error(400, "Bad Request: message is too long");
        }
        foreach (var button in body["reply_markup"]?["inline_keyboard"]?.AsArray().SelectMany(r => r!.AsArray()) ?? [])
        {
            var data = button?["callback_data"]?.GetValue<string>();
            if (data is not null && (data.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(data) > 64))
            {
                return Error(400, "Bad Request: BUTTON_DATA_INVALID");
            }
        }
        var chatId = body["chat_id"]!.ToString();
        return Ok(new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = BotUser(),
            ["chat"] = new JsonObject { ["id"] = long.Parse(chatId, System.Globalization.CultureInfo.InvariantCulture), ["type"] = "private", ["first_name"] = "User" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = plain,
        });
    }

    private static IResult SetWebhook(JsonObject body)
    {
        var secret = body["secret_token"]?.GetValue<string>();
        if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            return Error(400, "Bad Request: secret token contains unallowed characters");
        }
        return Results.Json(new JsonObject { ["ok"] = true, ["result"] = true, ["description"] = "Webhook was set" });
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        // Long polling, but capped so tests stay fast.
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Math.Min(1000, (body["timeout"]?.GetValue<int>() ?? 0) * 1000));
        while (_pendingUpdates.IsEmpty && DateTime.UtcNow < deadline && !aborted.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
        var result = new JsonArray();
        foreach (var update in _pendingUpdates.Where(u => u["update_id"]!.GetValue<int>() >= offset))
        {
            result.Add(update.DeepClone());
        }
        // Like Telegram, an offset confirms (forgets) every earlier update.
        var kept = _pendingUpdates.Where(u => u["update_id"]!.GetValue<int>() >= offset).ToList();
        _pendingUpdates.Clear();
        kept.ForEach(_pendingUpdates.Enqueue);
        return Ok(result);
    }

    private static JsonObject BotUser() =>
        new() { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "IntegrationBot", ["username"] = "integration_test_bot" };

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var json = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            json["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return Results.Json(json, statusCode: code);
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))));
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
