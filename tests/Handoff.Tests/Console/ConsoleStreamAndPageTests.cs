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
