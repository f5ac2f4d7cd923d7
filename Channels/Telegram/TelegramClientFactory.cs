using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Creates the real Telegram.Bot client over a pooled, resilient <see cref="HttpClient"/>.</summary>
public sealed class TelegramClientFactory(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";
    public const string PollingHttpClientName = "telegram-polling";

    public ITelegramBotClient Create(bool forPolling = false)
    {
        var o = options.Value;
        var token = o.Token ?? throw new InvalidOperationException("Telegram is not configured (IntegrationBot:Channels:Telegram:Token).");
        var baseUrl = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? null : o.ApiBaseUrl.TrimEnd('/');
        // Our resilience handler and the outbox own retries; the library's own 429 loop would double them.
        var clientOptions = new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 };
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(forPolling ? PollingHttpClientName : HttpClientName));
    }
}
