namespace IntegrationBot.Channels.Telegram;

/// <summary>What happened to one update; the webhook answers 200 for all but <see cref="Failed"/> (a repeat counts as
/// processed: the turn runner acknowledged it).</summary>
public enum TelegramUpdateOutcome
{
    Processed,
    Ignored,
    Failed,
}
