using System.Net;
using System.Net.Sockets;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>
/// A loopback address where a connection attempt hangs, as when an API is unreachable or its listen queue is full:
/// a listener that never accepts, its queue (backlog 0) already filled by one connection, so the kernel drops every
/// further SYN and the client's connect waits.
/// </summary>
internal sealed class StalledListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _filler = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public StalledListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        _filler.Connect(_listener.LocalEndPoint!);
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
    }
}
