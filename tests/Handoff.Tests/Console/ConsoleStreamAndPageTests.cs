using System.Net;
using System.Text.Json;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Tests.Console;

public sealed class ConsoleStreamAndPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_pushes_a_new_request_without_reloading()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        using var response = await maja.Http.GetAsync("/api/handoffs/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await ReadUntilAsync(reader, "event: ready", timeout.Token);

        var ticket = await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "live", "u", "{}"), "en", null, HandoffReason.AskedForHuman), Ct);
        await ReadUntilAsync(reader, "event: handoff", timeout.Token);
        var data = JsonDocument.Parse((await reader.ReadLineAsync(timeout.Token))!["data: ".Length..]).RootElement;

        Assert.Equal(ticket.RequestId, data.GetProperty("requestId").GetGuid());
        Assert.Equal("queued", data.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_counselor_can_keep_only_so_many_live_pages_open_and_one_closed_makes_room()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < IntegrationBot.Handoff.Console.HandoffStream.MaxStreamsPerCounselor; i++)
            {
                var stream = await maja.Http.GetAsync("/api/handoffs/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
                open.Add(stream);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            }

            using var refused = await maja.Http.GetAsync("/api/handoffs/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

            // Closing a page makes room; the server notices when the connection goes.
            open[0].Dispose();
            open.RemoveAt(0);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpStatusCode status;
            do
            {
                using var again = await maja.Http.GetAsync("/api/handoffs/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
                status = again.StatusCode;
                if (status != HttpStatusCode.OK)
                {
                    await Task.Delay(100, Ct);
                }
            }
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            open.ForEach(r => r.Dispose());
        }
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/console.js")]
    [InlineData("/console/console.css")]
    public async Task Console_files_are_served_from_the_assembly_with_security_headers(string path)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = host.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join("", response.Headers.GetValues("Referrer-Policy")));
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(body.Length > 100);
        Assert.DoesNotContain("http://", body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_console_file_is_404()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = host.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/secrets.txt")).StatusCode);
    }

    private static async Task ReadUntilAsync(StreamReader reader, string line, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } read)
        {
            if (read == line)
            {
                return;
            }
        }

        Assert.Fail($"Stream ended before '{line}'.");
    }
}
