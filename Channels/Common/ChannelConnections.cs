using System.Net;
using System.Net.Sockets;

namespace IntegrationBot.Channels.Common;

/// <summary>
/// The connections of the channel clients (Telegram, Viber): a connection that does not open in time fails as a
/// connection error, which proves nothing was sent, so the message is tried again (<see cref="SendFailure"/>).
/// </summary>
/// <remarks>
/// Without a connect timeout of its own, a connection attempt that hangs (a dropped SYN: the API unreachable for a
/// while, or its listen queue full) ran until the whole send timed out, and a timed-out send counts as "may have
/// arrived": the reply was dead-lettered after one attempt and never reached the person. Seen in the crash test, where
/// 23 replies were lost that way under load.
/// </remarks>
public static class ChannelConnections
{
    private static readonly TimeSpan MinConnectTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A primary handler whose connections open within a third of <paramref name="sendTimeout"/> (at most 10 s).</summary>
    public static SocketsHttpHandler Handler(TimeSpan sendTimeout)
    {
        var connectTimeout = ConnectTimeout(sendTimeout);
        return new SocketsHttpHandler
        {
            // Renewed now and then, so a change of the API's address (DNS) is followed.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, connectTimeout, cancellationToken),
        };
    }

    public static TimeSpan ConnectTimeout(TimeSpan sendTimeout) =>
        TimeSpan.FromTicks(Math.Clamp(sendTimeout.Ticks / 3, MinConnectTimeout.Ticks, MaxConnectTimeout.Ticks));

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endPoint, deadline.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            // Not a cancellation: HttpClient reports a socket error as a connection error (HttpRequestError.ConnectionError).
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
