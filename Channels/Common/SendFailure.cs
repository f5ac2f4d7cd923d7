using System.Net.Http;

namespace IntegrationBot.Channels.Common;

/// <summary>Tells a send that certainly did not reach the network's API from one whose fate is unknown.</summary>
/// <remarks>Sending a message is not idempotent on Telegram or Viber: a request that was written and then timed out or
/// lost its answer may well have been delivered, and sending it again shows the person the message twice. Only a
/// failure to open the connection (refused, name not resolved, TLS handshake) proves nothing was sent.</remarks>
public static class SendFailure
{
    public const string UnconfirmedReason = "unconfirmed: no answer from the network; the message may have arrived";

    /// <summary>Safe to send again: the connection never opened, or the API answered 429 or 5xx (it did not take it).</summary>
    public static bool IsRetryable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var status = e switch
            {
                HttpRequestException { StatusCode: { } s } => (int)s,
                global::Telegram.Bot.Exceptions.RequestException { HttpStatusCode: { } s } => (int)s,
                _ => 0,
            };
            if (status is 429 or >= 500)
            {
                return true;
            }
        }
        return IsBeforeRequestWritten(exception);
    }

    public static bool IsBeforeRequestWritten(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                    or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            {
                return true;
            }
        }
        return false;
    }
}
