using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Telegram channel log events; ids and kinds only, never message text or names.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Telegram webhook rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "answerCallbackQuery failed for update {UpdateId}")]
    public static partial void CallbackAnswerFailed(ILogger logger, int updateId, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Telegram update {UpdateId} failed; Telegram will redeliver")]
    public static partial void TurnFailed(ILogger logger, int updateId, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Telegram webhook registered at {Url}")]
    public static partial void WebhookRegistered(ILogger logger, Uri url);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Telegram webhook registration failed (attempt {Attempt})")]
    public static partial void WebhookRegistrationFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Telegram polling failed; retrying in {Delay}")]
    public static partial void PollingFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Telegram send failed with {ErrorCode}")]
    public static partial void SendFailed(ILogger logger, int errorCode, Exception exception);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "Telegram update {UpdateId} repeats a button tap; not run again")]
    public static partial void RepeatedTapIgnored(ILogger logger, int updateId);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Telegram webhook not registered: IntegrationBot:PublicBaseUrl is not set, so Telegram sends this host nothing unless its webhook was set to <public address>/api/telegram with the WebhookSecret by other means. Set IntegrationBot__PublicBaseUrl (https://...), or IntegrationBot__Channels__Telegram__Mode=polling")]
    public static partial void WebhookNotRegistered(ILogger logger);
}
