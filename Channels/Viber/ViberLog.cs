using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.Viber;

/// <summary>Viber channel log events; ids and codes only, never message text or names.</summary>
internal static partial class ViberLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Viber webhook rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Viber message {MessageToken} failed; Viber will redeliver")]
    public static partial void TurnFailed(ILogger logger, long messageToken, Exception exception);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Viber webhook registered at {Url}")]
    public static partial void WebhookRegistered(ILogger logger, Uri url);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Viber webhook registration failed: status {Status}")]
    public static partial void WebhookRegistrationFailed(ILogger logger, int status, Exception? exception);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Error, Message = "Viber welcome could not be produced")]
    public static partial void WelcomeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Viber send failed: status {Status}")]
    public static partial void SendFailed(ILogger logger, int status);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Viber webhook not registered: IntegrationBot:PublicBaseUrl is not set, so Viber sends this host nothing unless its webhook was set to <public address>/api/viber by other means. Set IntegrationBot__PublicBaseUrl (https://...)")]
    public static partial void WebhookNotRegistered(ILogger logger);
}
