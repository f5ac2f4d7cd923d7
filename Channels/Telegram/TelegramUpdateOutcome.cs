namespace IntegrationBot.Channels.Telegram;

/// <summary>What happened to one update; the webhook answers 200 for all but <see cref="Failed"/>.</summary>
public enum TelegramUpdateOutcome
{
    Processed,
    Duplicate,
    Ignored,
    Failed,
}
