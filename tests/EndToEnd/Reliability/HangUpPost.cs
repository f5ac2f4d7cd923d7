using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>A sender whose connection breaks right after it wrote a whole POST: the request line, headers and body go out,
/// then the socket is reset (or closed) without reading the answer, as when Telegram's or a phone's connection drops.</summary>
internal static class HangUpPost
{
    /// <param name="reset">True sends a TCP reset (linger 0), false a normal close.</param>
    /// <param name="after">How long after the body the connection breaks: at once, the host may not even read the body;
    /// a few milliseconds later, it breaks while the host runs the turn.</param>
    public static async Task SendAsync(Uri host, string path, IReadOnlyDictionary<string, string> headers, string json, bool reset, TimeSpan after, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {path} HTTP/1.1\r\nHost: {host.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host.Host, host.Port, ct);
            await socket.SendAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()).Concat(body).ToArray(), ct);
            await Task.Delay(after, ct);
            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (SocketException)
        {
            // The host is down (killed): the sender's next attempt finds out too.
        }
    }
}
