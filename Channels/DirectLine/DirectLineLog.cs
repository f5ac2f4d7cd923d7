using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Web chat (Direct Line) log events; no message text, conversation id or token.</summary>
internal static partial class DirectLineLog
{
    // Web Chat shows the message as sent and the person gets no reply: without this line nobody would know.
    [LoggerMessage(EventId = 4300, Level = LogLevel.Error, Message = "Web chat message failed in its turn; the page was answered 502 and may resend it")]
    public static partial void TurnFailed(ILogger logger, Exception exception);
}
