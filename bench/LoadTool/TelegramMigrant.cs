using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace IntegrationBot.LoadTool;

/// <summary>
/// One simulated migrant on Telegram: posts updates to the host's webhook (with the secret header, as Telegram does)
/// and reads the bot's answers from the fake Bot API, which the host's real Telegram client calls.
/// </summary>
public sealed class TelegramMigrant(HttpClient http, Uri baseUrl, LoadOptions options, FakeTelegramApi api, long chatId) : IMigrant
{
    // Telegram numbers a bot's updates in one rising sequence and the host skips ids it has processed: a new run
    // against the same database (PostgreSQL, or a reused LiteDB folder) must not start again at 1.
    private static int s_updateId = Random.Shared.Next(1, 1 << 30);

    private readonly Channel<TelegramReply> _inbox = Channel.CreateUnbounded<TelegramReply>(new UnboundedChannelOptions { SingleReader = true });
    private TelegramReply? _last;
    private int _messageId;
    private string _languageCode = "en";

    public async Task OpenAsync(string locale, CancellationToken cancellationToken)
    {
        _languageCode = locale;
        api.Register(chatId, reply => _inbox.Writer.TryWrite(reply));
        await PostAsync(Message("/start"), cancellationToken);
        _last = await TurnEndAsync(cancellationToken);
    }

    public async Task OnboardAsync(int languageIndex, string locale, CancellationToken cancellationToken)
    {
        for (var step = 0; step < 2 && _last is { } shown; step++)
        {
            var data = shown.ButtonData.Count == 5 ? shown.ButtonData[languageIndex] : shown.ButtonData.Count == 3 ? shown.ButtonData[0] : null;
            if (data is null)
            {
                return;
            }

            await PostAsync(CallbackQuery(shown.MessageId, data), cancellationToken);
            _last = await TurnEndAsync(cancellationToken);
        }
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<TimeSpan> AskAsync(string text, string locale, CancellationToken cancellationToken)
    {
        while (_inbox.Reader.TryRead(out _))
        {
            // A late message of an earlier turn must not count as this one's reply.
        }

        var started = Stopwatch.GetTimestamp();
        await PostAsync(Message(text), cancellationToken);
        var first = await NextAsync(cancellationToken);
        _last = first.EndsTurn ? first : await TurnEndAsync(cancellationToken);
        return Stopwatch.GetElapsedTime(started, first.At);
    }

    public ValueTask DisposeAsync()
    {
        api.Forget(chatId);
        return ValueTask.CompletedTask;
    }

    private async Task<TelegramReply> TurnEndAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var reply = await NextAsync(cancellationToken);
            if (reply.EndsTurn)
            {
                return reply;
            }
        }
    }

    private async Task<TelegramReply> NextAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReplyTimeout);
        try
        {
            return await _inbox.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("no reply from the bot within the reply timeout");
        }
    }

    private async Task PostAsync(JsonObject update, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/telegram")) { Content = JsonContent.Create(update) };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", options.TelegramSecret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private JsonObject Message(string text) => new()
    {
        ["update_id"] = Interlocked.Increment(ref s_updateId),
        ["message"] = new JsonObject
        {
            ["message_id"] = ++_messageId,
            ["from"] = User(),
            ["chat"] = Chat(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        },
    };

    private JsonObject CallbackQuery(int botMessageId, string data) => new()
    {
        ["update_id"] = Interlocked.Increment(ref s_updateId),
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"{chatId}-{Interlocked.Increment(ref s_updateId)}",
            ["from"] = User(),
            ["message"] = new JsonObject
            {
                ["message_id"] = botMessageId,
                ["from"] = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "IntegrationBot" },
                ["chat"] = Chat(),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = "",
            },
            ["chat_instance"] = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = data,
        },
    };

    private JsonObject User() => new() { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Migrant", ["language_code"] = _languageCode };

    private JsonObject Chat() => new() { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Migrant" };
}
