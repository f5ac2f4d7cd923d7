using System.Diagnostics;
using System.Net.WebSockets;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>Open web chat streams do not hold up a shutdown: they are closed at once and the browser reconnects later.</summary>
public sealed class StreamShutdownTests
{
    [Fact]
    public async Task Sigterm_with_open_streams_closes_them_and_exits_well_before_the_shutdown_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HostProcess.StartAsync(CrashRecoveryTests.Settings);
        using var client = new DirectLineHttp(host.BaseAddress);
        var sockets = new List<ClientWebSocket>();
        foreach (var conversation in await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.OpenAsync(ct))))
        {
            var socket = new ClientWebSocket();
            var url = $"ws://127.0.0.1:{host.Port}/v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(conversation.Token)}";
            await socket.ConnectAsync(new Uri(url), ct);
            sockets.Add(socket);
        }

        var closes = sockets.Select(s => ReadUntilClosedAsync(s, ct)).ToList();
        var stopwatch = Stopwatch.StartNew();
        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(60));
        stopwatch.Stop();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{host.Output}");
        await Task.WhenAll(closes).WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.All(sockets, s => Assert.NotEqual(WebSocketState.Open, s.State));
        // Without closing the streams the host waits for them until its shutdown timeout (drain + 15 s = 25 s).
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"shutdown took {stopwatch.Elapsed}");
        sockets.ForEach(s => s.Dispose());
    }

    private static async Task ReadUntilClosedAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                if ((await socket.ReceiveAsync(buffer, ct)).MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
            // The connection ending without a close frame also counts as closed.
        }
    }
}
