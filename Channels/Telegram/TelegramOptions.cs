using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Settings under <c>IntegrationBot:Channels:Telegram</c>; the channel is on when <see cref="Token"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string Section = "IntegrationBot:Channels:Telegram";
    public const string WebhookMode = "webhook";
    public const string PollingMode = "polling";

    public string? Token { get; set; }

    /// <summary>Telegram sends it back in <c>X-Telegram-Bot-Api-Secret-Token</c>; 1-256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>A self-hosted Bot API server or a test fake; null means api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    public string Mode { get; set; } = WebhookMode;

    /// <summary>How long one request waits for the API's answer; a request that times out is never resent (the
    /// message may have arrived). Well above the API's normal answer time (under a second).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How fast messages go out; see docs/reliability.md.</summary>
    public PacingOptions Pacing { get; set; } = new();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public bool IsPolling => Mode == PollingMode;

    public bool AcceptsWebhook => IsEnabled && !IsPolling && !string.IsNullOrEmpty(WebhookSecret);

    /// <summary>Telegram's rule for <c>secret_token</c>; anything else makes <c>setWebhook</c> fail.</summary>
    public static bool IsValidSecret(string secret) =>
        secret.Length is >= 1 and <= 256 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The bot's own user id is the part of the token before the colon.</summary>
    public string BotId => Token is { } t && t.IndexOf(':') is > 0 and var i ? t[..i] : "bot";
}
