using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// A web chat token opens a person's whole conversation (and resumes it for hours), so it is a secret: Direct Line puts
/// it in the stream URL's query (<c>?t=</c>), which ASP.NET Core's request log writes out at Information level.
/// </summary>
public sealed class TokenLogTests
{
    [Fact]
    public async Task Web_chat_tokens_in_stream_urls_never_reach_the_logs_even_at_trace_level()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(logs: logs);
        var chat = await host.OpenChatAsync(ct);
        using var start = ChatHost.Request(HttpMethod.Post, "/v3/directline/conversations", chat.Token);
        var streamUrl = JsonDocument.Parse(await (await host.Client.SendAsync(start, ct)).Content.ReadAsStringAsync(ct))
            .RootElement.GetProperty("streamUrl").GetString()!;
        var query = new Uri(streamUrl).PathAndQuery;
        Assert.Contains("t=", query, StringComparison.Ordinal);

        // Not a WebSocket handshake (400), but the request, its URL and its token reach the host all the same.
        await host.Client.GetAsync(new Uri(query, UriKind.Relative), ct);
        await host.ReplyToAsync(chat, await ChatHost.IdOfAsync(await host.SendAsync(chat, "hello", ct), ct), ct);

        await host.StopAsync();
        Assert.Contains(logs.Lines, l => l.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("/stream", StringComparison.Ordinal));
        var token = Uri.EscapeDataString(chat.Token);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(chat.Token, StringComparison.Ordinal));
    }
}
