using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Bot.Hosting;

/// <summary>Section <c>IntegrationBot:Limits</c>: request rates and sizes on the public chat endpoints.</summary>
public sealed class AbuseLimitOptions
{
    public const string SectionName = "IntegrationBot:Limits";

    /// <summary>Messages one web chat user may post per minute.</summary>
    [Range(1, 100_000)]
    public int MessagesPerUserPerMinute { get; set; } = 30;

    /// <summary>Messages one IP address may post per minute (many users may share one address, e.g. a shelter's Wi-Fi).</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerIpPerMinute { get; set; } = 300;

    /// <summary>Other Direct Line requests (start, token refresh, polls, stream handshakes) per IP address per minute.</summary>
    [Range(1, 1_000_000)]
    public int DirectLineRequestsPerIpPerMinute { get; set; } = 1200;

    /// <summary>Webhook calls per minute per source address; Telegram and Viber deliver every user's update from few addresses.</summary>
    [Range(1, 1_000_000)]
    public int WebhookCallsPerIpPerMinute { get; set; } = 3000;

    /// <summary>Largest request body on the chat endpoints (webhooks, Direct Line activities and uploads); larger ones get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxMessageBytes { get; set; } = 256 * 1024;
}
