using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.LoadTool;

/// <summary>
/// A local stand-in for api.telegram.org for load runs: answers the Bot API methods the host calls like Telegram
/// does (<c>{ok, result}</c>) and hands every <c>sendMessage</c> to the migrant whose chat it names. Only on loopback.
/// </summary>
public sealed class FakeTelegramApi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Action<TelegramReply>> _chats = new();
    private readonly WebApplication _app;
    private int _messageId;
    private int _unknownChats;

    private FakeTelegramApi(WebApplication app) => _app = app;

    /// <summary>Messages to chats no migrant registered (should stay 0).</summary>
    public int UnknownChats => Volatile.Read(ref _unknownChats);

    public static async Task<FakeTelegramApi> StartAsync(int port, string botToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var fake = new FakeTelegramApi(app);
        app.MapPost("/bot{token}/{method}", (HttpContext context, string token, string method) => fake.HandleAsync(context, token, method, botToken));
        await app.StartAsync();
        return fake;
    }

    public void Register(long chatId, Action<TelegramReply> deliver) => _chats[chatId] = deliver;

    public void Forget(long chatId) => _chats.TryRemove(chatId, out _);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context, string token, string method, string expectedToken)
    {
        if (token != expectedToken)
        {
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
        return method switch
        {
            "getMe" => Ok(BotUser()),
            "sendMessage" => SendMessage(body),
            _ => Ok(true), // answerCallbackQuery, sendChatAction, setWebhook, deleteWebhook
        };
    }

    private IResult SendMessage(JsonObject body)
    {
        var at = Stopwatch.GetTimestamp();
        var chatId = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        var id = Interlocked.Increment(ref _messageId);
        var buttons = body["reply_markup"]?["inline_keyboard"]?.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(button => button?["callback_data"]?.GetValue<string>())
            .OfType<string>()
            .ToList() ?? [];
        if (_chats.TryGetValue(chatId, out var deliver))
        {
            deliver(new TelegramReply(at, id, buttons));
        }
        else
        {
            Interlocked.Increment(ref _unknownChats);
        }

        return Ok(new JsonObject
        {
            ["message_id"] = id,
            ["from"] = BotUser(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Migrant" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = body["text"]?.GetValue<string>() ?? "",
        });
    }

    private static JsonObject BotUser() =>
        new() { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "IntegrationBot", ["username"] = "integrationbot_load" };

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
}
