using System.Net;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>The harness itself: a test must talk to its own host, never to another test's on the same port.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task A_health_answer_from_another_process_on_the_port_is_not_taken_for_the_host()
    {
        var port = HostProcess.FreePort();
        using var stranger = new HttpListener();
        stranger.Prefixes.Add($"http://127.0.0.1:{port}/");
        stranger.Start();
        var answering = AnswerOkAsync(stranger);

        var error = await Assert.ThrowsAsync<PortTakenException>(() => HostProcess.StartAsync(port: port));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        stranger.Stop();
        await answering;
    }

    [Fact]
    public void The_listening_socket_is_found_on_its_own_process_only()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.NotEqual(false, ListeningSocket.IsHeldBy(port, Environment.ProcessId));
        Assert.NotEqual(true, ListeningSocket.IsHeldBy(port, 1));
    }

    [Fact]
    public void Ports_are_never_handed_out_twice()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => HostProcess.FreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    private static async Task AnswerOkAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
